namespace Prognos.Tracking;

/// <summary>The attributes of a run. Times are milliseconds since the Unix epoch (UTC).</summary>
public sealed record RunInfo(
    string RunId,
    string ExperimentId,
    string RunName,
    RunStatus Status,
    long StartTime,
    long? EndTime,
    LifecycleStage LifecycleStage,
    string ArtifactUri,
    string UserId,
    string? ParentRunId)
{
    /// <summary>True when the run has ended (finished, failed or killed).</summary>
    public bool IsTerminal => Status is RunStatus.Finished or RunStatus.Failed or RunStatus.Killed;
}
