namespace Prognos.Tracking;

/// <summary>Which lifecycle stages a listing or search returns.</summary>
public enum ViewType
{
    ActiveOnly,
    DeletedOnly,
    All,
}
