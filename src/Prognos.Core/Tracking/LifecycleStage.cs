namespace Prognos.Tracking;

/// <summary>Whether an experiment or run is live or soft-deleted (restorable until <c>gc</c>).</summary>
public enum LifecycleStage
{
    Active,
    Deleted,
}
