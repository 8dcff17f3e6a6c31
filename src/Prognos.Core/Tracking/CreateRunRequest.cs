namespace Prognos.Tracking;

/// <summary>What a new run starts with. A missing name gets a generated one; a missing start time is now.</summary>
public sealed record CreateRunRequest(
    string ExperimentId,
    string? RunName = null,
    string? ParentRunId = null,
    IReadOnlyDictionary<string, string>? Tags = null,
    long? StartTime = null,
    string? UserId = null,
    RunStatus Status = RunStatus.Running);
