using System.Data.Common;
using System.Globalization;
using Prognos.Errors;
using Prognos.Search;
using Prognos.Tracking;
using static Prognos.Storage.Relational.DbCommands;

namespace Prognos.Storage.Relational;

/// <summary>Experiments, runs, params, tags and metrics on a relational database (SQLite or PostgreSQL).</summary>
internal sealed class RelationalTrackingStore(RelationalDatabase db, TimeProvider clock) : IExperimentStore, IRunStore
{
    private const string RunColumns = "r.run_id, r.experiment_id, r.run_name, r.status, r.start_time, r.end_time, r.lifecycle_stage, r.artifact_uri, r.user_id, r.parent_run_id";

    private readonly RelationalDatabase _db = db;

    public string Description => _db.Description;

    // ---- experiments ----

    public async Task<Experiment> CreateExperimentAsync(string name, string? artifactLocation, IReadOnlyDictionary<string, string>? tags, CancellationToken cancellationToken = default)
    {
        await using var connection = await _db.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await _db.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        var now = NowMs();
        long id;
        try
        {
            await using var insert = Command(connection, transaction,
                "INSERT INTO experiments (name, artifact_location, lifecycle_stage, creation_time, last_update_time) VALUES (@name, '', 'active', @now, @now) RETURNING experiment_id",
                ("name", name), ("now", now));
            id = Convert.ToInt64(await insert.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        }
        catch (DbException ex) when (_db.IsUniqueViolation(ex))
        {
            throw PrognosException.AlreadyExists($"An experiment named '{name}' already exists (it may be deleted: see 'prognos experiment list --all'). Choose another name or restore it.");
        }

        var location = artifactLocation ?? id.ToString(CultureInfo.InvariantCulture);
        await using (var update = Command(connection, transaction, "UPDATE experiments SET artifact_location = @loc WHERE experiment_id = @id", ("loc", location), ("id", id)))
        {
            await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        foreach (var (key, value) in tags ?? new Dictionary<string, string>())
        {
            await UpsertExperimentTagAsync(connection, transaction, id, key, value, cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return (await FindExperimentAsync(id.ToString(CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false))!;
    }

    public Task<Experiment?> FindExperimentAsync(string experimentId, CancellationToken cancellationToken = default)
    {
        if (!long.TryParse(experimentId, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return Task.FromResult<Experiment?>(null);
        }

        return FindExperimentWhereAsync("experiment_id = @v", id, cancellationToken);
    }

    public Task<Experiment?> FindExperimentByNameAsync(string name, CancellationToken cancellationToken = default) =>
        FindExperimentWhereAsync("name = @v", name, cancellationToken);

    private async Task<Experiment?> FindExperimentWhereAsync(string where, object value, CancellationToken cancellationToken)
    {
        await using var connection = await _db.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var list = await ReadExperimentsAsync(connection, where, value, cancellationToken).ConfigureAwait(false);
        return list.Count == 0 ? null : list[0];
    }

    public async Task<IReadOnlyList<Experiment>> ListExperimentsAsync(ViewType viewType, CancellationToken cancellationToken = default)
    {
        await using var connection = await _db.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return viewType switch
        {
            ViewType.ActiveOnly => await ReadExperimentsAsync(connection, "lifecycle_stage = @v", "active", cancellationToken).ConfigureAwait(false),
            ViewType.DeletedOnly => await ReadExperimentsAsync(connection, "lifecycle_stage = @v", "deleted", cancellationToken).ConfigureAwait(false),
            _ => await ReadExperimentsAsync(connection, "1 = 1", null, cancellationToken).ConfigureAwait(false),
        };
    }

    private static async Task<IReadOnlyList<Experiment>> ReadExperimentsAsync(DbConnection connection, string where, object? value, CancellationToken cancellationToken)
    {
        var rows = new List<(long Id, string Name, string Location, string Stage, long Created, long Updated)>();
        await using (var command = Command(connection, null,
            $"SELECT experiment_id, name, artifact_location, lifecycle_stage, creation_time, last_update_time FROM experiments WHERE {where} ORDER BY experiment_id",
            value is null ? [] : [("v", value)]))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rows.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt64(4), reader.GetInt64(5)));
            }
        }

        var tags = new Dictionary<long, Dictionary<string, string>>();
        if (rows.Count > 0)
        {
            await using var command = Command(connection, null, "SELECT experiment_id, key, value FROM experiment_tags");
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var id = reader.GetInt64(0);
                if (!tags.TryGetValue(id, out var map))
                {
                    tags[id] = map = new Dictionary<string, string>(StringComparer.Ordinal);
                }

                map[reader.GetString(1)] = reader.GetString(2);
            }
        }

        return rows.Select(r => new Experiment(
            r.Id.ToString(CultureInfo.InvariantCulture), r.Name, r.Location, DbNames.ParseStage(r.Stage), r.Created, r.Updated,
            tags.TryGetValue(r.Id, out var t) ? t : new Dictionary<string, string>())).ToList();
    }

    public async Task RenameExperimentAsync(string experimentId, string newName, CancellationToken cancellationToken = default)
    {
        try
        {
            await UpdateExperimentAsync(experimentId, "name = @x", newName, cancellationToken).ConfigureAwait(false);
        }
        catch (DbException ex) when (_db.IsUniqueViolation(ex))
        {
            throw PrognosException.AlreadyExists($"An experiment named '{newName}' already exists; choose another name.");
        }
    }

    public Task SetExperimentLifecycleAsync(string experimentId, LifecycleStage stage, CancellationToken cancellationToken = default) =>
        UpdateExperimentAsync(experimentId, "lifecycle_stage = @x", DbNames.Of(stage), cancellationToken);

    private async Task UpdateExperimentAsync(string experimentId, string set, object value, CancellationToken cancellationToken)
    {
        var id = ParseExperimentId(experimentId);
        await using var connection = await _db.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, $"UPDATE experiments SET {set}, last_update_time = @now WHERE experiment_id = @id", ("x", value), ("now", NowMs()), ("id", id));
        if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
        {
            throw ExperimentNotFound(experimentId);
        }
    }

    public async Task SetExperimentTagAsync(string experimentId, string key, string value, CancellationToken cancellationToken = default)
    {
        var id = ParseExperimentId(experimentId);
        await using var connection = await _db.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await _db.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        await using (var exists = Command(connection, transaction, "SELECT 1 FROM experiments WHERE experiment_id = @id", ("id", id)))
        {
            if (await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is null)
            {
                throw ExperimentNotFound(experimentId);
            }
        }

        await UpsertExperimentTagAsync(connection, transaction, id, key, value, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task UpsertExperimentTagAsync(DbConnection connection, DbTransaction transaction, long id, string key, string value, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction,
            "INSERT INTO experiment_tags (experiment_id, key, value) VALUES (@id, @k, @v) ON CONFLICT (experiment_id, key) DO UPDATE SET value = excluded.value",
            ("id", id), ("k", key), ("v", value));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static long ParseExperimentId(string experimentId) =>
        long.TryParse(experimentId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : throw ExperimentNotFound(experimentId);

    private static PrognosException ExperimentNotFound(string experimentId) =>
        PrognosException.NotFound($"No experiment with id '{experimentId}'; list them with 'prognos experiment list'.");

    // ---- runs ----

    public async Task<RunInfo> CreateRunAsync(string runId, CreateRunRequest request, string artifactUri, CancellationToken cancellationToken = default)
    {
        var experimentId = ParseExperimentId(request.ExperimentId);
        await using var connection = await _db.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await _db.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        var info = new RunInfo(runId, request.ExperimentId, request.RunName ?? runId, request.Status, request.StartTime ?? NowMs(), null,
            LifecycleStage.Active, artifactUri, request.UserId ?? "", request.ParentRunId);
        await using (var insert = Command(connection, transaction,
            "INSERT INTO runs (run_id, experiment_id, run_name, status, start_time, end_time, lifecycle_stage, artifact_uri, user_id, parent_run_id) " +
            "VALUES (@id, @exp, @name, @status, @start, NULL, 'active', @uri, @user, @parent)",
            ("id", runId), ("exp", experimentId), ("name", info.RunName), ("status", DbNames.Of(info.Status)), ("start", info.StartTime),
            ("uri", artifactUri), ("user", info.UserId), ("parent", (object?)request.ParentRunId ?? DBNull.Value)))
        {
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        foreach (var (key, value) in request.Tags ?? new Dictionary<string, string>())
        {
            await UpsertTagAsync(connection, transaction, runId, key, value, cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return info;
    }

    public async Task<RunInfo?> FindRunInfoAsync(string runId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _db.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await ReadRunInfoAsync(connection, null, runId, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Run?> FindRunAsync(string runId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _db.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var info = await ReadRunInfoAsync(connection, null, runId, cancellationToken).ConfigureAwait(false);
        if (info is null)
        {
            return null;
        }

        var data = await ReadRunDataAsync(connection, [runId], cancellationToken).ConfigureAwait(false);
        return new Run(info, data[runId]);
    }

    private static async Task<RunInfo?> ReadRunInfoAsync(DbConnection connection, DbTransaction? transaction, string runId, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, $"SELECT {RunColumns} FROM runs r WHERE r.run_id = @id", ("id", runId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadRunInfo(reader) : null;
    }

    private static RunInfo ReadRunInfo(DbDataReader reader) => new(
        reader.GetString(0),
        reader.GetInt64(1).ToString(CultureInfo.InvariantCulture),
        reader.GetString(2),
        DbNames.ParseStatus(reader.GetString(3)),
        reader.GetInt64(4),
        reader.IsDBNull(5) ? null : reader.GetInt64(5),
        DbNames.ParseStage(reader.GetString(6)),
        reader.GetString(7),
        reader.GetString(8),
        reader.IsDBNull(9) ? null : reader.GetString(9));

    private static async Task<Dictionary<string, RunData>> ReadRunDataAsync(DbConnection connection, IReadOnlyList<string> runIds, CancellationToken cancellationToken)
    {
        var metrics = runIds.ToDictionary(id => id, _ => new List<Metric>());
        var parameters = runIds.ToDictionary(id => id, _ => new Dictionary<string, string>(StringComparer.Ordinal));
        var tags = runIds.ToDictionary(id => id, _ => new Dictionary<string, string>(StringComparer.Ordinal));
        if (runIds.Count > 0)
        {
            var inList = string.Join(", ", runIds.Select((_, i) => $"@r{i}"));
            var args = runIds.Select((id, i) => ($"r{i}", (object)id)).ToArray();
            await using (var command = Command(connection, null, $"SELECT run_id, key, value, is_nan, timestamp, step FROM latest_metrics WHERE run_id IN ({inList}) ORDER BY key", args))
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    metrics[reader.GetString(0)].Add(new Metric(reader.GetString(1), ReadValue(reader, 2, 3), reader.GetInt64(4), reader.GetInt64(5)));
                }
            }

            foreach (var (table, target) in new[] { ("params", parameters), ("tags", tags) })
            {
                await using var command = Command(connection, null, $"SELECT run_id, key, value FROM {table} WHERE run_id IN ({inList})", args);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    target[reader.GetString(0)][reader.GetString(1)] = reader.GetString(2);
                }
            }
        }

        return runIds.ToDictionary(id => id, id => new RunData(metrics[id], parameters[id], tags[id]));
    }

    private static double ReadValue(DbDataReader reader, int valueOrdinal, int nanOrdinal) =>
        reader.GetInt16(nanOrdinal) != 0 || reader.IsDBNull(valueOrdinal) ? double.NaN : reader.GetDouble(valueOrdinal);

    public async Task<RunInfo> UpdateRunAsync(string runId, RunUpdate update, CancellationToken cancellationToken = default)
    {
        await using var connection = await _db.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await _db.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        var info = await ReadRunInfoAsync(connection, transaction, runId, cancellationToken).ConfigureAwait(false) ?? throw RunNotFound(runId);
        RunWritePolicy.EnsureWritable(info, writesResults: false);
        var status = update.Status ?? info.Status;
        var endTime = update.EndTime ?? (status == RunStatus.Running ? null : info.EndTime);
        var name = update.RunName ?? info.RunName;
        await using (var command = Command(connection, transaction,
            "UPDATE runs SET status = @s, end_time = @e, run_name = @n WHERE run_id = @id",
            ("s", DbNames.Of(status)), ("e", (object?)endTime ?? DBNull.Value), ("n", name), ("id", runId)))
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return info with { Status = status, EndTime = endTime, RunName = name };
    }

    public async Task SetRunLifecycleAsync(string runId, LifecycleStage stage, long? deletedTime, CancellationToken cancellationToken = default)
    {
        await using var connection = await _db.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, "UPDATE runs SET lifecycle_stage = @s, deleted_time = @d WHERE run_id = @id",
            ("s", DbNames.Of(stage)), ("d", (object?)deletedTime ?? DBNull.Value), ("id", runId));
        if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
        {
            throw RunNotFound(runId);
        }
    }

    public async Task LogBatchAsync(string runId, LogBatch batch, CancellationToken cancellationToken = default)
    {
        var metrics = batch.MetricList;
        var parameters = batch.ParamMap;
        var tags = batch.TagMap;
        await using var connection = await _db.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await _db.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        var info = await ReadRunInfoAsync(connection, transaction, runId, cancellationToken).ConfigureAwait(false) ?? throw RunNotFound(runId);
        RunWritePolicy.EnsureWritable(info, writesResults: metrics.Count > 0 || parameters.Count > 0);

        if (parameters.Count > 0)
        {
            await InsertParamsAsync(connection, transaction, runId, parameters, cancellationToken).ConfigureAwait(false);
        }

        foreach (var (key, value) in tags)
        {
            await UpsertTagAsync(connection, transaction, runId, key, value, cancellationToken).ConfigureAwait(false);
        }

        if (metrics.Count > 0)
        {
            await _db.InsertMetricsAsync(connection, transaction, runId, metrics, cancellationToken).ConfigureAwait(false);
            await UpdateLatestMetricsAsync(connection, transaction, runId, metrics, cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task InsertParamsAsync(DbConnection connection, DbTransaction transaction, string runId, IReadOnlyDictionary<string, string> parameters, CancellationToken cancellationToken)
    {
        var existing = new Dictionary<string, string>(StringComparer.Ordinal);
        await using (var select = Command(connection, transaction, "SELECT key, value FROM params WHERE run_id = @id", ("id", runId)))
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                existing[reader.GetString(0)] = reader.GetString(1);
            }
        }

        await using var insert = Command(connection, transaction, "INSERT INTO params (run_id, key, value) VALUES (@id, @k, @v)", ("id", runId), ("k", ""), ("v", ""));
        foreach (var (key, value) in parameters)
        {
            if (existing.TryGetValue(key, out var old))
            {
                if (old != value)
                {
                    throw PrognosException.InvalidParameter(
                        $"Param '{key}' of run '{runId}' was already logged with value '{TrackingLimits.Shorten(old)}'; params are immutable, so '{TrackingLimits.Shorten(value)}' was not stored. Log it under another key or start a new run.");
                }

                continue;
            }

            insert.Parameters[1].Value = key;
            insert.Parameters[2].Value = value;
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task UpsertTagAsync(DbConnection connection, DbTransaction transaction, string runId, string key, string value, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction,
            "INSERT INTO tags (run_id, key, value) VALUES (@id, @k, @v) ON CONFLICT (run_id, key) DO UPDATE SET value = excluded.value",
            ("id", runId), ("k", key), ("v", value));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task UpdateLatestMetricsAsync(DbConnection connection, DbTransaction transaction, string runId, IReadOnlyList<Metric> metrics, CancellationToken cancellationToken)
    {
        // Reduce the batch to its latest point per key first: one upsert per key, not per point.
        var latest = new Dictionary<string, Metric>(StringComparer.Ordinal);
        foreach (var m in metrics)
        {
            if (!latest.TryGetValue(m.Key, out var current) || IsLater(m, current))
            {
                latest[m.Key] = m;
            }
        }

        await using var upsert = Command(connection, transaction,
            "INSERT INTO latest_metrics (run_id, key, value, is_nan, timestamp, step) VALUES (@id, @k, @v, @n, @t, @s) " +
            "ON CONFLICT (run_id, key) DO UPDATE SET value = excluded.value, is_nan = excluded.is_nan, timestamp = excluded.timestamp, step = excluded.step " +
            "WHERE excluded.step > latest_metrics.step OR (excluded.step = latest_metrics.step AND (excluded.timestamp > latest_metrics.timestamp " +
            "OR (excluded.timestamp = latest_metrics.timestamp AND COALESCE(excluded.value, 0) >= COALESCE(latest_metrics.value, 0))))",
            MetricRowParameters(runId));
        foreach (var m in latest.Values)
        {
            BindMetric(upsert, m);
            await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>MLflow's order for "latest": the greatest (step, timestamp, value).</summary>
    private static bool IsLater(Metric a, Metric b) =>
        a.Step != b.Step ? a.Step > b.Step : a.Timestamp != b.Timestamp ? a.Timestamp > b.Timestamp : a.Value >= b.Value || double.IsNaN(b.Value);

    public async Task DeleteTagAsync(string runId, string key, CancellationToken cancellationToken = default)
    {
        await using var connection = await _db.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await _db.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        var info = await ReadRunInfoAsync(connection, transaction, runId, cancellationToken).ConfigureAwait(false) ?? throw RunNotFound(runId);
        RunWritePolicy.EnsureWritable(info, writesResults: false);
        await using (var command = Command(connection, transaction, "DELETE FROM tags WHERE run_id = @id AND key = @k", ("id", runId), ("k", key)))
        {
            if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
            {
                throw PrognosException.NotFound($"Run '{runId}' has no tag '{key}'.");
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<Metric>> GetMetricHistoryAsync(string runId, string key, CancellationToken cancellationToken = default)
    {
        await using var connection = await _db.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        if (await ReadRunInfoAsync(connection, null, runId, cancellationToken).ConfigureAwait(false) is null)
        {
            throw RunNotFound(runId);
        }

        var history = new List<Metric>();
        await using var command = Command(connection, null,
            "SELECT value, is_nan, timestamp, step FROM metrics WHERE run_id = @id AND key = @k ORDER BY step, timestamp", ("id", runId), ("k", key));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            history.Add(new Metric(key, ReadValue(reader, 0, 1), reader.GetInt64(2), reader.GetInt64(3)));
        }

        return history;
    }

    public async Task<RunPage> SearchRunsAsync(RunSearchQuery query, CancellationToken cancellationToken = default)
    {
        var sql = RunSearchSql.Build(query, _db.ILike);
        await using var connection = await _db.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var infos = new List<RunInfo>();
        await using (var command = Command(connection, null, sql.Text, sql.Parameters))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                infos.Add(ReadRunInfo(reader));
            }
        }

        string? next = null;
        if (infos.Count > sql.PageSize)
        {
            infos.RemoveAt(infos.Count - 1);
            next = new SearchPageToken(sql.Offset + sql.PageSize, sql.QueryHash).Encode();
        }

        var data = await ReadRunDataAsync(connection, infos.Select(i => i.RunId).ToList(), cancellationToken).ConfigureAwait(false);
        return new RunPage(infos.Select(i => new Run(i, data[i.RunId])).ToList(), next);
    }

    public async Task<IReadOnlyList<RunInfo>> ListDeletedRunsAsync(long deletedBefore, CancellationToken cancellationToken = default)
    {
        await using var connection = await _db.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var runs = new List<RunInfo>();
        await using var command = Command(connection, null,
            $"SELECT {RunColumns} FROM runs r JOIN experiments e ON e.experiment_id = r.experiment_id " +
            "WHERE (r.lifecycle_stage = 'deleted' AND COALESCE(r.deleted_time, 0) <= @t) OR (e.lifecycle_stage = 'deleted' AND e.last_update_time <= @t)",
            ("t", deletedBefore));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            runs.Add(ReadRunInfo(reader));
        }

        return runs;
    }

    public async Task PurgeRunsAsync(IReadOnlyCollection<string> runIds, CancellationToken cancellationToken = default)
    {
        await using var connection = await _db.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var chunk in runIds.Chunk(200))
        {
            await using var transaction = await _db.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
            var inList = string.Join(", ", chunk.Select((_, i) => $"@r{i}"));
            var args = chunk.Select((id, i) => ($"r{i}", (object)id)).ToArray();
            foreach (var table in new[] { "metrics", "latest_metrics", "params", "tags", "runs" })
            {
                await using var command = Command(connection, transaction, $"DELETE FROM {table} WHERE run_id IN ({inList})", args);
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static PrognosException RunNotFound(string runId) =>
        PrognosException.NotFound($"No run with id '{runId}'; find run ids with 'prognos run list --experiment NAME'.");

    private long NowMs() => clock.GetUtcNow().ToUnixTimeMilliseconds();
}
