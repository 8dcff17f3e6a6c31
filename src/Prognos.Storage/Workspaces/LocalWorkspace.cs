using Prognos.Artifacts;
using Prognos.Datasets;
using Prognos.Errors;
using Prognos.Storage.Artifacts;
using Prognos.Storage.Relational;
using Prognos.Tracking;
using Prognos.Workspaces;

namespace Prognos.Storage.Workspaces;

/// <summary>
/// A workspace on this machine: a folder with <c>prognos.yaml</c>, a metadata store (SQLite file or PostgreSQL)
/// and an artifact folder. All the tracking rules (limits, write policy, system tags, gc) live here, so every
/// store behaves the same.
/// </summary>
/// <example>
/// <code>
/// await using var workspace = await LocalWorkspace.OpenAsync("./my-workspace");
/// await using var run = await workspace.StartRunAsync("air-passengers");
/// await run.LogMetricAsync("rmse", 12.5);
/// </code>
/// </example>
public sealed class LocalWorkspace : IWorkspace
{
    private static readonly string[] LogStreams = ["stdout", "stderr"];

    private readonly RelationalDatabase _database;
    private readonly RelationalTrackingStore _store;
    private readonly LocalArtifactStore _artifacts;
    private readonly LocalWorkspaceOptions _options;

    private LocalWorkspace(string folder, RelationalDatabase database, LocalArtifactStore artifacts, LocalWorkspaceOptions options)
    {
        Folder = folder;
        _database = database;
        _store = new RelationalTrackingStore(database, options.Clock);
        Datasets = new RelationalDatasetStore(database, options.Clock);
        Datastores = new DatastoreRegistry(new RelationalDatastoreStore(database), folder, options.Clock);
        _artifacts = artifacts;
        _options = options;
    }

    /// <summary>The workspace folder (where prognos.yaml lives).</summary>
    public string Folder { get; }

    public string Location => Folder;

    /// <summary>Where the metadata lives, without secrets.</summary>
    public string StoreDescription => _store.Description;

    public string ArtifactFolder => _artifacts.RootFolder;

    public IExperimentStore ExperimentStore => _store;

    public IRunStore RunStore => _store;

    public IArtifactStore ArtifactStore => _artifacts;

    /// <summary>Dataset versions and lineage (the data layer's registry snapshots and profiles them).</summary>
    public IDatasetStore Datasets { get; }

    /// <summary>Named connections with encrypted credentials.</summary>
    public DatastoreRegistry Datastores { get; }

    /// <summary>
    /// Creates a workspace in <paramref name="folder"/>: prognos.yaml, the metadata store and artifacts/.
    /// <paramref name="storeUri"/> defaults to an SQLite file in the folder.
    /// </summary>
    public static async Task<LocalWorkspace> InitAsync(string folder, string? storeUri = null, LocalWorkspaceOptions? options = null, CancellationToken cancellationToken = default)
    {
        var full = Path.GetFullPath(folder);
        if (File.Exists(Path.Combine(full, WorkspaceSettings.FileName)))
        {
            throw PrognosException.AlreadyExists($"'{full}' is already a Prognos workspace; use it as it is, or choose another folder.");
        }

        var settings = new WorkspaceSettings { Store = storeUri ?? "sqlite:prognos.db" };
        StoreLocation.Parse(settings.Store, full);
        Directory.CreateDirectory(full);
        Directory.CreateDirectory(Path.Combine(full, settings.Artifacts));
        try
        {
            var workspace = await OpenFolderAsync(full, settings, options, cancellationToken).ConfigureAwait(false);
            Secrets.WorkspaceKey.LoadOrCreate(full);
            settings.Save(full);
            return workspace;
        }
        catch
        {
            // Leave no half-made workspace behind.
            var database = Path.Combine(full, "prognos.db");
            foreach (var file in new[] { database, database + "-wal", database + "-shm" })
            {
                File.Delete(file);
            }

            throw;
        }
    }

    /// <summary>Opens the workspace in <paramref name="folder"/>, migrating its store to the current schema.</summary>
    public static Task<LocalWorkspace> OpenAsync(string folder, LocalWorkspaceOptions? options = null, CancellationToken cancellationToken = default)
    {
        var full = Path.GetFullPath(folder);
        return OpenFolderAsync(full, WorkspaceSettings.Load(full), options, cancellationToken);
    }

    private static async Task<LocalWorkspace> OpenFolderAsync(string folder, WorkspaceSettings settings, LocalWorkspaceOptions? options, CancellationToken cancellationToken)
    {
        options ??= new LocalWorkspaceOptions();
        var location = StoreLocation.Parse(settings.Store, folder);
        RelationalDatabase database = location.Kind == StoreKind.Sqlite
            ? new SqliteDatabase(location.Target)
            : new PostgresDatabase(location.Target);
        try
        {
            await database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await database.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var artifacts = new LocalArtifactStore(Path.Combine(folder, settings.Artifacts));
        return new LocalWorkspace(folder, database, artifacts, options);
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    // ---- experiments ----

    public async Task<Experiment> CreateExperimentAsync(string name, IReadOnlyDictionary<string, string>? tags = null, CancellationToken cancellationToken = default)
    {
        TrackingLimits.ValidateName("name", name);
        ValidateTags(tags);
        return await _store.CreateExperimentAsync(name.Trim(), null, tags, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Experiment> GetExperimentAsync(string experiment, CancellationToken cancellationToken = default) =>
        await FindExperimentAsync(experiment, cancellationToken).ConfigureAwait(false)
        ?? throw PrognosException.NotFound($"No experiment with id or name '{experiment}'; list them with 'prognos experiment list', or create it with 'prognos experiment create {experiment}'.");

    private async Task<Experiment?> FindExperimentAsync(string experiment, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(experiment))
        {
            throw new PrognosException(ErrorCode.MissingParameter, "'experiment' is empty; give an experiment id or name.");
        }

        if (experiment.All(char.IsAsciiDigit) && await _store.FindExperimentAsync(experiment, cancellationToken).ConfigureAwait(false) is { } byId)
        {
            return byId;
        }

        return await _store.FindExperimentByNameAsync(experiment, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Experiment> GetOrCreateExperimentAsync(string name, CancellationToken cancellationToken = default)
    {
        var existing = await FindExperimentAsync(name, cancellationToken).ConfigureAwait(false);
        if (existing is null)
        {
            try
            {
                return await CreateExperimentAsync(name, null, cancellationToken).ConfigureAwait(false);
            }
            catch (PrognosException ex) when (ex.Code == ErrorCode.ResourceAlreadyExists)
            {
                // Another process created it between our read and our insert.
                existing = await GetExperimentAsync(name, cancellationToken).ConfigureAwait(false);
            }
        }

        if (existing.LifecycleStage == LifecycleStage.Deleted)
        {
            throw PrognosException.InvalidState($"Experiment '{name}' is deleted; restore it with 'prognos experiment restore {name}' or use another name.");
        }

        return existing;
    }

    public Task<IReadOnlyList<Experiment>> ListExperimentsAsync(ViewType viewType = ViewType.ActiveOnly, CancellationToken cancellationToken = default) =>
        _store.ListExperimentsAsync(viewType, cancellationToken);

    public async Task<Experiment> RenameExperimentAsync(string experiment, string newName, CancellationToken cancellationToken = default)
    {
        TrackingLimits.ValidateName("new_name", newName);
        var found = await GetExperimentAsync(experiment, cancellationToken).ConfigureAwait(false);
        await _store.RenameExperimentAsync(found.ExperimentId, newName.Trim(), cancellationToken).ConfigureAwait(false);
        return await GetExperimentAsync(found.ExperimentId, cancellationToken).ConfigureAwait(false);
    }

    public async Task SetExperimentTagAsync(string experiment, string key, string value, CancellationToken cancellationToken = default)
    {
        ValidateTags(new Dictionary<string, string> { [key] = value });
        var found = await GetExperimentAsync(experiment, cancellationToken).ConfigureAwait(false);
        await _store.SetExperimentTagAsync(found.ExperimentId, key, value, cancellationToken).ConfigureAwait(false);
    }

    public async Task DeleteExperimentAsync(string experiment, CancellationToken cancellationToken = default)
    {
        var found = await GetExperimentAsync(experiment, cancellationToken).ConfigureAwait(false);
        if (found.ExperimentId == "0")
        {
            throw PrognosException.InvalidParameter("The Default experiment (id 0) cannot be deleted.");
        }

        await _store.SetExperimentLifecycleAsync(found.ExperimentId, LifecycleStage.Deleted, cancellationToken).ConfigureAwait(false);
    }

    public async Task RestoreExperimentAsync(string experiment, CancellationToken cancellationToken = default)
    {
        var found = await GetExperimentAsync(experiment, cancellationToken).ConfigureAwait(false);
        await _store.SetExperimentLifecycleAsync(found.ExperimentId, LifecycleStage.Active, cancellationToken).ConfigureAwait(false);
    }

    // ---- runs ----

    public async Task<Run> CreateRunAsync(CreateRunRequest request, CancellationToken cancellationToken = default)
    {
        var experiment = await GetExperimentAsync(request.ExperimentId, cancellationToken).ConfigureAwait(false);
        if (experiment.LifecycleStage == LifecycleStage.Deleted)
        {
            throw PrognosException.InvalidState($"Experiment '{experiment.Name}' is deleted; restore it before starting runs in it.");
        }

        if (request.RunName is not null)
        {
            TrackingLimits.ValidateName("run_name", request.RunName);
        }

        ValidateTags(request.Tags);
        var tags = new Dictionary<string, string>(_options.SystemTags, StringComparer.Ordinal);
        if (request.ParentRunId is { } parentId)
        {
            var parent = await GetRunAsync(parentId, cancellationToken).ConfigureAwait(false);
            if (parent.Info.ExperimentId != experiment.ExperimentId)
            {
                throw PrognosException.InvalidParameter($"Parent run '{parentId}' belongs to experiment {parent.Info.ExperimentId}, not {experiment.ExperimentId}; child runs live in their parent's experiment.");
            }

            tags[RunSourceTags.ParentRunId] = parentId;
        }

        foreach (var (key, value) in request.Tags ?? new Dictionary<string, string>())
        {
            tags[key] = value;
        }

        var runId = Guid.NewGuid().ToString("N");
        var user = request.UserId ?? (tags.TryGetValue(RunSourceTags.User, out var u) ? u : "");
        var name = request.RunName ?? RunNames.Generate(Random.Shared);
        var info = await _store.CreateRunAsync(runId,
            request with { ExperimentId = experiment.ExperimentId, RunName = name, Tags = tags, UserId = user, StartTime = request.StartTime ?? NowMs() },
            $"{experiment.ArtifactLocation}/{runId}/artifacts", cancellationToken).ConfigureAwait(false);
        return new Run(info, new RunData([], new Dictionary<string, string>(), tags));
    }

    public async Task<Run> GetRunAsync(string runId, CancellationToken cancellationToken = default)
    {
        ValidateRunId(runId);
        return await _store.FindRunAsync(runId, cancellationToken).ConfigureAwait(false)
            ?? throw RunNotFound(runId);
    }

    /// <summary>A run's attributes without its data: what checks before writes and artifact access need.</summary>
    private async Task<RunInfo> GetRunInfoAsync(string runId, CancellationToken cancellationToken)
    {
        ValidateRunId(runId);
        return await _store.FindRunInfoAsync(runId, cancellationToken).ConfigureAwait(false)
            ?? throw RunNotFound(runId);
    }

    public Task<RunInfo> UpdateRunAsync(string runId, RunUpdate update, CancellationToken cancellationToken = default)
    {
        ValidateRunId(runId);
        if (update.RunName is not null)
        {
            TrackingLimits.ValidateName("run_name", update.RunName);
        }

        var endTime = update.EndTime ?? (update.Status is RunStatus.Finished or RunStatus.Failed or RunStatus.Killed ? NowMs() : null);
        return _store.UpdateRunAsync(runId, update with { EndTime = endTime }, cancellationToken);
    }

    public async Task DeleteRunAsync(string runId, CancellationToken cancellationToken = default)
    {
        await GetRunInfoAsync(runId, cancellationToken).ConfigureAwait(false);
        await _store.SetRunLifecycleAsync(runId, LifecycleStage.Deleted, NowMs(), cancellationToken).ConfigureAwait(false);
    }

    public async Task RestoreRunAsync(string runId, CancellationToken cancellationToken = default)
    {
        await GetRunInfoAsync(runId, cancellationToken).ConfigureAwait(false);
        await _store.SetRunLifecycleAsync(runId, LifecycleStage.Active, null, cancellationToken).ConfigureAwait(false);
    }

    public Task LogBatchAsync(string runId, LogBatch batch, CancellationToken cancellationToken = default)
    {
        ValidateRunId(runId);
        TrackingLimits.Validate(batch);
        return _store.LogBatchAsync(runId, batch, cancellationToken);
    }

    public Task DeleteTagAsync(string runId, string key, CancellationToken cancellationToken = default)
    {
        ValidateRunId(runId);
        TrackingLimits.ValidateKey("tag", key);
        return _store.DeleteTagAsync(runId, key, cancellationToken);
    }

    public Task<IReadOnlyList<Metric>> GetMetricHistoryAsync(string runId, string key, CancellationToken cancellationToken = default)
    {
        ValidateRunId(runId);
        TrackingLimits.ValidateKey("metric", key);
        return _store.GetMetricHistoryAsync(runId, key, cancellationToken);
    }

    public async Task<RunPage> SearchRunsAsync(RunSearchQuery query, CancellationToken cancellationToken = default)
    {
        // Experiments may be named by id or name; the store takes ids.
        var ids = new List<string>(query.ExperimentIds.Count);
        foreach (var experiment in query.ExperimentIds)
        {
            ids.Add((await GetExperimentAsync(experiment, cancellationToken).ConfigureAwait(false)).ExperimentId);
        }

        return await _store.SearchRunsAsync(query with { ExperimentIds = ids }, cancellationToken).ConfigureAwait(false);
    }

    // ---- artifacts ----

    public async Task LogArtifactAsync(string runId, string artifactPath, Stream content, CancellationToken cancellationToken = default)
    {
        var run = await GetRunInfoAsync(runId, cancellationToken).ConfigureAwait(false);
        RunWritePolicy.EnsureWritable(run, writesResults: false);
        if (string.IsNullOrWhiteSpace(artifactPath))
        {
            throw new PrognosException(ErrorCode.MissingParameter, "'artifact_path' is empty; give the path to store the file under, e.g. plots/forecast.png.");
        }

        await _artifacts.WriteAsync(run.ArtifactUri, artifactPath.Trim('/'), content, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ArtifactEntry>> ListArtifactsAsync(string runId, string? path = null, CancellationToken cancellationToken = default)
    {
        var run = await GetRunInfoAsync(runId, cancellationToken).ConfigureAwait(false);
        return await _artifacts.ListAsync(run.ArtifactUri, path?.Trim('/'), cancellationToken).ConfigureAwait(false);
    }

    public async Task<Stream> OpenArtifactAsync(string runId, string path, CancellationToken cancellationToken = default)
    {
        var run = await GetRunInfoAsync(runId, cancellationToken).ConfigureAwait(false);
        return await _artifacts.OpenReadAsync(run.ArtifactUri, path.Trim('/'), cancellationToken).ConfigureAwait(false);
    }

    public async Task AppendRunLogAsync(string runId, string stream, string text, CancellationToken cancellationToken = default)
    {
        if (!LogStreams.Contains(stream))
        {
            throw PrognosException.InvalidParameter($"Log stream '{stream}' is not known; use stdout or stderr.");
        }

        var run = await GetRunInfoAsync(runId, cancellationToken).ConfigureAwait(false);
        RunWritePolicy.EnsureWritable(run, writesResults: false);
        await _artifacts.AppendTextAsync(run.ArtifactUri, $"logs/{stream}.log", text, cancellationToken).ConfigureAwait(false);
    }

    // ---- garbage collection ----

    public async Task<GarbageCollection> CollectGarbageAsync(TimeSpan? olderThan = null, IReadOnlyCollection<string>? runIds = null, CancellationToken cancellationToken = default)
    {
        if (olderThan is { } age && age < TimeSpan.Zero)
        {
            throw PrognosException.InvalidParameter($"'older_than' is negative ({age}); give a duration such as 7d or 0.");
        }

        var cutoff = NowMs() - (long)(olderThan ?? TimeSpan.Zero).TotalMilliseconds;
        var deleted = await _store.ListDeletedRunsAsync(cutoff, cancellationToken).ConfigureAwait(false);
        List<RunInfo> victims;
        if (runIds is { Count: > 0 })
        {
            var eligible = deleted.ToDictionary(r => r.RunId);
            victims = [];
            foreach (var id in runIds)
            {
                if (!eligible.TryGetValue(id, out var info))
                {
                    var run = await GetRunInfoAsync(id, cancellationToken).ConfigureAwait(false);
                    throw PrognosException.InvalidState($"Run '{id}' is {run.LifecycleStage.ToString().ToLowerInvariant()}, not deleted (or deleted too recently); delete it first with 'prognos run delete {id}'. Nothing was removed.");
                }

                victims.Add(info);
            }
        }
        else
        {
            victims = deleted.ToList();
        }

        long bytes = 0;
        foreach (var run in victims)
        {
            bytes += _artifacts.SizeOf(run.ArtifactUri);
            await _artifacts.DeleteRootAsync(run.ArtifactUri, cancellationToken).ConfigureAwait(false);
        }

        await _store.PurgeRunsAsync(victims.Select(v => v.RunId).ToList(), cancellationToken).ConfigureAwait(false);
        return new GarbageCollection(victims.Select(v => v.RunId).ToList(), bytes);
    }

    private long NowMs() => _options.Clock.GetUtcNow().ToUnixTimeMilliseconds();

    private static PrognosException RunNotFound(string runId) =>
        PrognosException.NotFound($"No run with id '{runId}'; find run ids with 'prognos run list --experiment NAME'.");

    private static void ValidateRunId(string runId)
    {
        if (string.IsNullOrWhiteSpace(runId))
        {
            throw new PrognosException(ErrorCode.MissingParameter, "'run_id' is empty; give the 32-character id of a run.");
        }
    }

    private static void ValidateTags(IReadOnlyDictionary<string, string>? tags)
    {
        if (tags is { Count: > 0 })
        {
            TrackingLimits.Validate(new LogBatch(Tags: tags));
        }
    }
}
