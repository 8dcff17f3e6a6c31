namespace Prognos.Tracking;

/// <summary>A change to a run's attributes; null fields are left as they are.</summary>
public sealed record RunUpdate(RunStatus? Status = null, long? EndTime = null, string? RunName = null);
