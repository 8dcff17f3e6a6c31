namespace Prognos.Tracking;

/// <summary>The state of a run, as MLflow names them.</summary>
public enum RunStatus
{
    Running,
    Scheduled,
    Finished,
    Failed,
    Killed,
}
