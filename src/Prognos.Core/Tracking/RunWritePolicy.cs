using Prognos.Errors;

namespace Prognos.Tracking;

/// <summary>
/// Who may write to a run. A deleted run accepts nothing (restore it first). A run that has ended
/// (FINISHED, FAILED, KILLED) keeps its results: it refuses new metrics and params, but accepts tags and
/// artifacts, which annotate it; set its status back to RUNNING to log more.
/// </summary>
public static class RunWritePolicy
{
    public static void EnsureWritable(RunInfo run, bool writesResults)
    {
        if (run.LifecycleStage == LifecycleStage.Deleted)
        {
            throw PrognosException.InvalidState($"Run '{run.RunId}' is deleted; restore it with 'prognos run restore {run.RunId}' before writing to it.");
        }

        if (writesResults && run.IsTerminal)
        {
            throw PrognosException.InvalidState($"Run '{run.RunId}' is {run.Status.ToString().ToUpperInvariant()}; its metrics and params are final. Start a new run, or reopen this one with status RUNNING to log more.");
        }
    }
}
