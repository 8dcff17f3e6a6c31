namespace Prognos.Tracking;

/// <summary>Persists runs and what is logged to them. Implementations: SQLite and PostgreSQL (Prognos.Storage).</summary>
public interface IRunStore
{
    Task<RunInfo> CreateRunAsync(string runId, CreateRunRequest request, string artifactUri, CancellationToken cancellationToken = default);

    /// <summary>The run with that id (deleted or not) with its data, or null.</summary>
    Task<Run?> FindRunAsync(string runId, CancellationToken cancellationToken = default);

    /// <summary>The run's attributes only (no params, metrics or tags), or null: for checks before a write.</summary>
    Task<RunInfo?> FindRunInfoAsync(string runId, CancellationToken cancellationToken = default);

    Task<RunInfo> UpdateRunAsync(string runId, RunUpdate update, CancellationToken cancellationToken = default);

    Task SetRunLifecycleAsync(string runId, LifecycleStage stage, long? deletedTime, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes a batch atomically: all or nothing. Params are immutable (re-logging the same value is a no-op,
    /// another value is an error); metrics append to their history; tags are overwritten.
    /// </summary>
    Task LogBatchAsync(string runId, LogBatch batch, CancellationToken cancellationToken = default);

    Task DeleteTagAsync(string runId, string key, CancellationToken cancellationToken = default);

    /// <summary>Every logged point of one metric, ordered by step then timestamp.</summary>
    Task<IReadOnlyList<Metric>> GetMetricHistoryAsync(string runId, string key, CancellationToken cancellationToken = default);

    Task<RunPage> SearchRunsAsync(RunSearchQuery query, CancellationToken cancellationToken = default);

    /// <summary>Runs in the deleted stage, deleted at or before <paramref name="deletedBefore"/> (ms), for garbage collection.</summary>
    Task<IReadOnlyList<RunInfo>> ListDeletedRunsAsync(long deletedBefore, CancellationToken cancellationToken = default);

    /// <summary>Removes runs and everything logged to them, for good.</summary>
    Task PurgeRunsAsync(IReadOnlyCollection<string> runIds, CancellationToken cancellationToken = default);
}
