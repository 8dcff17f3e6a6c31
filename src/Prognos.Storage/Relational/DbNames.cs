using Prognos.Tracking;

namespace Prognos.Storage.Relational;

/// <summary>How enums are spelled in the database (MLflow's spellings).</summary>
internal static class DbNames
{
    public static string Of(RunStatus status) => status switch
    {
        RunStatus.Running => "RUNNING",
        RunStatus.Scheduled => "SCHEDULED",
        RunStatus.Finished => "FINISHED",
        RunStatus.Failed => "FAILED",
        RunStatus.Killed => "KILLED",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static string Of(LifecycleStage stage) => stage == LifecycleStage.Active ? "active" : "deleted";

    public static RunStatus ParseStatus(string text) => text switch
    {
        "RUNNING" => RunStatus.Running,
        "SCHEDULED" => RunStatus.Scheduled,
        "FINISHED" => RunStatus.Finished,
        "FAILED" => RunStatus.Failed,
        "KILLED" => RunStatus.Killed,
        _ => throw new InvalidDataException($"Unknown run status '{text}' in the store."),
    };

    public static LifecycleStage ParseStage(string text) => text == "deleted" ? LifecycleStage.Deleted : LifecycleStage.Active;
}
