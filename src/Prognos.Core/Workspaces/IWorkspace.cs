using Prognos.Artifacts;
using Prognos.Tracking;

namespace Prognos.Workspaces;

/// <summary>
/// A Prognos workspace: experiments, runs and their artifacts. One interface, two implementations: a local
/// workspace that talks to its stores directly, and a remote one that talks to a Prognos server. Experiments may
/// be named by id or by name wherever <c>experiment</c> is taken.
/// </summary>
public interface IWorkspace : IAsyncDisposable
{
    /// <summary>Where the workspace lives (a folder, or a server URL), for messages.</summary>
    string Location { get; }

    Task<Experiment> CreateExperimentAsync(string name, IReadOnlyDictionary<string, string>? tags = null, CancellationToken cancellationToken = default);

    /// <summary>The experiment with that id or name; <c>RESOURCE_DOES_NOT_EXIST</c> when there is none.</summary>
    Task<Experiment> GetExperimentAsync(string experiment, CancellationToken cancellationToken = default);

    /// <summary>The experiment with that name, created when missing (a deleted one is refused).</summary>
    Task<Experiment> GetOrCreateExperimentAsync(string name, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Experiment>> ListExperimentsAsync(ViewType viewType = ViewType.ActiveOnly, CancellationToken cancellationToken = default);

    Task<Experiment> RenameExperimentAsync(string experiment, string newName, CancellationToken cancellationToken = default);

    Task SetExperimentTagAsync(string experiment, string key, string value, CancellationToken cancellationToken = default);

    /// <summary>Soft-deletes an experiment and its runs (restorable until <see cref="CollectGarbageAsync"/>).</summary>
    Task DeleteExperimentAsync(string experiment, CancellationToken cancellationToken = default);

    Task RestoreExperimentAsync(string experiment, CancellationToken cancellationToken = default);

    /// <summary>Creates a run; the workspace adds system tags (user, machine, OS, .NET, git commit).</summary>
    Task<Run> CreateRunAsync(CreateRunRequest request, CancellationToken cancellationToken = default);

    Task<Run> GetRunAsync(string runId, CancellationToken cancellationToken = default);

    Task<RunInfo> UpdateRunAsync(string runId, RunUpdate update, CancellationToken cancellationToken = default);

    Task DeleteRunAsync(string runId, CancellationToken cancellationToken = default);

    Task RestoreRunAsync(string runId, CancellationToken cancellationToken = default);

    /// <summary>Logs metrics, params and tags at once, all or nothing, within <see cref="TrackingLimits"/>.</summary>
    Task LogBatchAsync(string runId, LogBatch batch, CancellationToken cancellationToken = default);

    Task DeleteTagAsync(string runId, string key, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Metric>> GetMetricHistoryAsync(string runId, string key, CancellationToken cancellationToken = default);

    Task<RunPage> SearchRunsAsync(RunSearchQuery query, CancellationToken cancellationToken = default);

    /// <summary>Stores one artifact file at <paramref name="artifactPath"/> ('/'-separated, relative).</summary>
    Task LogArtifactAsync(string runId, string artifactPath, Stream content, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ArtifactEntry>> ListArtifactsAsync(string runId, string? path = null, CancellationToken cancellationToken = default);

    Task<Stream> OpenArtifactAsync(string runId, string path, CancellationToken cancellationToken = default);

    /// <summary>Appends captured output to the run's <c>logs/{stream}.log</c> artifact (stream: stdout or stderr).</summary>
    Task AppendRunLogAsync(string runId, string stream, string text, CancellationToken cancellationToken = default);

    /// <summary>
    /// Removes for good the deleted runs (and runs of deleted experiments) older than <paramref name="olderThan"/>,
    /// or only <paramref name="runIds"/> when given, with their artifacts.
    /// </summary>
    Task<GarbageCollection> CollectGarbageAsync(TimeSpan? olderThan = null, IReadOnlyCollection<string>? runIds = null, CancellationToken cancellationToken = default);
}
