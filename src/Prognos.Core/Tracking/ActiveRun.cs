using Prognos.Workspaces;

namespace Prognos.Tracking;

/// <summary>
/// A run being logged to, returned by <see cref="WorkspaceExtensions.StartRunAsync"/>. Metric logging is buffered
/// and non-blocking; disposing flushes the metrics and ends the run as FINISHED unless it was ended already.
/// </summary>
/// <example>
/// <code>
/// await using var run = await workspace.StartRunAsync("air-passengers");
/// await run.LogParamAsync("model", "ets");
/// await run.LogMetricAsync("rmse", 12.3);
/// </code>
/// </example>
public sealed class ActiveRun : IAsyncDisposable
{
    private readonly IWorkspace _workspace;
    private readonly TimeProvider _clock;
    private readonly BufferedMetricLogger _metrics;
    private bool _ended;

    internal ActiveRun(IWorkspace workspace, Run run, TimeProvider clock)
    {
        _workspace = workspace;
        _clock = clock;
        Info = run.Info;
        _metrics = new BufferedMetricLogger(workspace, run.Info.RunId);
    }

    public RunInfo Info { get; private set; }

    public string RunId => Info.RunId;

    public IWorkspace Workspace => _workspace;

    public Task LogParamAsync(string key, string value, CancellationToken cancellationToken = default) =>
        _workspace.LogBatchAsync(RunId, new LogBatch(Params: new Dictionary<string, string> { [key] = value }), cancellationToken);

    public Task LogParamsAsync(IReadOnlyDictionary<string, string> parameters, CancellationToken cancellationToken = default) =>
        _workspace.LogBatchAsync(RunId, new LogBatch(Params: parameters), cancellationToken);

    /// <summary>Queues a metric point; it is written in the background with others.</summary>
    public ValueTask LogMetricAsync(string key, double value, long step = 0, CancellationToken cancellationToken = default)
    {
        TrackingLimits.ValidateKey("metric", key);
        return _metrics.LogAsync(new Metric(key, value, _clock.GetUtcNow().ToUnixTimeMilliseconds(), step), cancellationToken);
    }

    /// <summary>Waits until every queued metric is stored.</summary>
    public Task FlushAsync(CancellationToken cancellationToken = default) => _metrics.FlushAsync(cancellationToken);

    public Task SetTagAsync(string key, string value, CancellationToken cancellationToken = default) =>
        _workspace.LogBatchAsync(RunId, new LogBatch(Tags: new Dictionary<string, string> { [key] = value }), cancellationToken);

    public Task LogArtifactAsync(string artifactPath, Stream content, CancellationToken cancellationToken = default) =>
        _workspace.LogArtifactAsync(RunId, artifactPath, content, cancellationToken);

    public Task LogTextAsync(string artifactPath, string text, CancellationToken cancellationToken = default)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        return _workspace.LogArtifactAsync(RunId, artifactPath, new MemoryStream(bytes), cancellationToken);
    }

    /// <summary>Starts a child run in the same experiment.</summary>
    public Task<ActiveRun> StartChildRunAsync(string? runName = null, CancellationToken cancellationToken = default) =>
        _workspace.StartRunInExperimentAsync(Info.ExperimentId, runName, RunId, _clock, cancellationToken);

    /// <summary>Flushes metrics and ends the run with <paramref name="status"/>.</summary>
    public async Task EndAsync(RunStatus status = RunStatus.Finished, CancellationToken cancellationToken = default)
    {
        if (_ended)
        {
            return;
        }

        await _metrics.FlushAsync(cancellationToken).ConfigureAwait(false);
        Info = await _workspace.UpdateRunAsync(RunId, new RunUpdate(status, _clock.GetUtcNow().ToUnixTimeMilliseconds()), cancellationToken).ConfigureAwait(false);
        _ended = true;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_ended)
            {
                await EndAsync(RunStatus.Finished).ConfigureAwait(false);
            }
        }
        finally
        {
            await _metrics.DisposeAsync().ConfigureAwait(false);
        }
    }
}
