using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;
using Prognos.Storage.Relational;
using Prognos.Storage.Workspaces;
using Prognos.Tracking;

namespace Prognos.Bench.Tracking;

/// <summary>
/// Run search over many runs (5 params, 5 metrics each): the SDK's SearchRunsAsync latency for
/// <c>metrics.rmse &lt; 10 AND params.model = 'ets'</c> ordered by rmse, first page of 100, beside the generated
/// SQL executed alone on a plain connection. Runs are seeded with plain SQL into the schema the workspace created.
/// </summary>
internal static class RunSearchBenchmark
{
    public const string Filter = "metrics.rmse < 10 AND params.model = 'ets'";
    public const string OrderBy = "metrics.rmse ASC";
    public const int PageSize = 100;
    private const double TargetP50Ms = 50;

    private static readonly string[] Models = ["ets", "arima", "theta", "ssm", "naive"];
    private static readonly string[] MetricKeys = ["rmse", "mae", "mape", "smape", "r2"];

    public static async Task RunAsync(BenchOptions options, BenchReport report)
    {
        var runs = SeedRun.Generate(options.SearchRuns);
        var expected = runs.Where(r => r.Metrics[0] < 10 && r.Model == "ets")
            .OrderBy(r => r.Metrics[0]).ThenByDescending(r => r.StartTime).ThenBy(r => r.RunId, StringComparer.Ordinal)
            .Take(PageSize).Select(r => r.RunId).ToList();
        Console.WriteLine($"run search: {runs.Length:N0} runs, filter \"{Filter}\", order by {OrderBy}, page of {PageSize}; {options.SearchWarmup} warm-up + {options.SearchRepetitions} timed repetitions");
        await RunOnAsync(StoreKind.Sqlite, runs, expected, options, report);
        if (options.PostgresUri is not null)
        {
            await RunOnAsync(StoreKind.Postgres, runs, expected, options, report);
        }
    }

    private static async Task RunOnAsync(StoreKind kind, SeedRun[] runs, List<string> expected, BenchOptions options, BenchReport report)
    {
        await using var store = await BenchStore.CreateAsync(kind, "search", options);
        var experiment = await store.Workspace.CreateExperimentAsync("search-bench");
        await using var connection = await store.OpenRawAsync();
        var seeding = Stopwatch.StartNew();
        if (connection is NpgsqlConnection pg)
        {
            await SeedPostgresAsync(pg, experiment.ExperimentId, runs);
        }
        else
        {
            SeedSqlite((SqliteConnection)connection, experiment.ExperimentId, runs);
        }

        // PostgreSQL: VACUUM as autovacuum would after a bulk load (sets the visibility map for index-only scans), with ANALYZE.
        await ExecuteAsync(connection, kind == StoreKind.Postgres ? "VACUUM (ANALYZE) runs, params, tags, latest_metrics, metrics" : "ANALYZE");
        report.Log($"  {store.Name}: seeded and analysed in {seeding.Elapsed.TotalSeconds:F1} s");

        var query = new RunSearchQuery([experiment.ExperimentId], Filter, [OrderBy], PageSize);
        var page = await store.Workspace.SearchRunsAsync(query);
        var got = page.Runs.Select(r => r.Info.RunId).ToList();
        if (!got.SequenceEqual(expected) || page.NextPageToken is null || page.Runs.Any(r => r.Data.Params["model"] != "ets"))
        {
            throw new InvalidOperationException($"{store.Name} search returned a page that differs from the expected first {PageSize} runs.");
        }

        var sql = RunSearchSql.Build(query, kind == StoreKind.Sqlite
            ? (column, parameter) => $"LOWER({column}) LIKE LOWER({parameter}) ESCAPE '\\'"
            : (column, parameter) => $"{column} ILIKE {parameter} ESCAPE '\\'");

        // SDK and plain SQL alternate, so both see the same load on the machine.
        var (sdk, raw) = await MeasureAsync(options, () => store.Workspace.SearchRunsAsync(query), async () =>
        {
            await using var command = DbCommands.Command(connection, null, sql.Text, sql.Parameters);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
            }
        });

        report.Log($"  {store.Name} SearchRunsAsync p50 {sdk.P50:F2} ms, p95 {sdk.P95:F2} ms; generated SQL alone p50 {raw.P50:F2} ms, p95 {raw.P95:F2} ms");
        report.Add(new BenchFigure($"run search p50, {runs.Length / 1000}k runs, page of {PageSize}", store.Name, "ms", sdk.P50, raw.P50, TargetP50Ms, HigherIsBetter: false,
            "ceiling = generated SQL alone on a plain connection"));
        report.Add(new BenchFigure($"run search p95, {runs.Length / 1000}k runs, page of {PageSize}", store.Name, "ms", sdk.P95, raw.P95, null, HigherIsBetter: false));

        report.AddPlan($"{store.Name} plan of the generated search SQL", $"{sql.Text}\n\n{await ExplainAsync(connection, sql)}");
    }

    private static async Task<((double P50, double P95) First, (double P50, double P95) Second)> MeasureAsync(BenchOptions options, Func<Task> first, Func<Task> second)
    {
        for (var i = 0; i < options.SearchWarmup; i++)
        {
            await first();
            await second();
        }

        var a = new double[options.SearchRepetitions];
        var b = new double[options.SearchRepetitions];
        for (var i = 0; i < a.Length; i++)
        {
            var clock = Stopwatch.StartNew();
            await first();
            a[i] = clock.Elapsed.TotalMilliseconds;
            clock.Restart();
            await second();
            b[i] = clock.Elapsed.TotalMilliseconds;
        }

        Array.Sort(a);
        Array.Sort(b);
        return ((Percentile(a, 0.50), Percentile(a, 0.95)), (Percentile(b, 0.50), Percentile(b, 0.95)));
    }

    /// <summary>Nearest-rank percentile of sorted samples.</summary>
    private static double Percentile(double[] sorted, double p) => sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static async Task<string> ExplainAsync(DbConnection connection, RunSearchSql sql)
    {
        var text = new StringBuilder();
        if (connection is NpgsqlConnection)
        {
            await using var command = DbCommands.Command(connection, null, "EXPLAIN (ANALYZE, BUFFERS) " + sql.Text, sql.Parameters);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                text.AppendLine(reader.GetString(0));
            }
        }
        else
        {
            await using var command = DbCommands.Command(connection, null, "EXPLAIN QUERY PLAN " + sql.Text, sql.Parameters);
            await using var reader = await command.ExecuteReaderAsync();
            var depth = new Dictionary<long, int> { [0] = 0 };
            while (await reader.ReadAsync())
            {
                var level = depth.GetValueOrDefault(reader.GetInt64(1)) + 1;
                depth[reader.GetInt64(0)] = level;
                text.Append(' ', 2 * (level - 1)).Append("-- ").AppendLine(reader.GetString(3));
            }
        }

        return text.ToString();
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 600;
        await command.ExecuteNonQueryAsync();
    }

    private static void SeedSqlite(SqliteConnection connection, string experimentId, SeedRun[] runs)
    {
        using var transaction = connection.BeginTransaction(deferred: false);
        SqliteCommand Prepare(string sql, int count)
        {
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            for (var i = 0; i < count; i++)
            {
                command.Parameters.Add(new SqliteParameter("$" + i.ToString(CultureInfo.InvariantCulture), null));
            }

            command.Prepare();
            return command;
        }

        using var run = Prepare("INSERT INTO runs (run_id, experiment_id, run_name, status, start_time, end_time, lifecycle_stage, artifact_uri, user_id, parent_run_id) VALUES ($0, $1, $2, 'FINISHED', $3, $4, 'active', $5, 'bench', NULL)", 6);
        using var param = Prepare("INSERT INTO params (run_id, key, value) VALUES ($0, $1, $2)", 3);
        using var tag = Prepare("INSERT INTO tags (run_id, key, value) VALUES ($0, $1, $2)", 3);
        using var metric = Prepare("INSERT INTO latest_metrics (run_id, key, value, is_nan, timestamp, step) VALUES ($0, $1, $2, 0, $3, 0)", 4);
        using var history = Prepare("INSERT INTO metrics (run_id, key, value, is_nan, timestamp, step) VALUES ($0, $1, $2, 0, $3, 0)", 4);
        var experiment = long.Parse(experimentId, CultureInfo.InvariantCulture);
        foreach (var r in runs)
        {
            Set(run, r.RunId, experiment, r.RunName, r.StartTime, r.StartTime + 60_000, $"{experimentId}/{r.RunId}/artifacts");
            run.ExecuteNonQuery();
            foreach (var (key, value) in r.Params)
            {
                Set(param, r.RunId, key, value);
                param.ExecuteNonQuery();
            }

            foreach (var (key, value) in r.Tags)
            {
                Set(tag, r.RunId, key, value);
                tag.ExecuteNonQuery();
            }

            for (var k = 0; k < MetricKeys.Length; k++)
            {
                Set(metric, r.RunId, MetricKeys[k], r.Metrics[k], r.StartTime + 60_000);
                metric.ExecuteNonQuery();
                Set(history, r.RunId, MetricKeys[k], r.Metrics[k], r.StartTime + 60_000);
                history.ExecuteNonQuery();
            }
        }

        transaction.Commit();
    }

    private static void Set(SqliteCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }
    }

    private static async Task SeedPostgresAsync(NpgsqlConnection connection, string experimentId, SeedRun[] runs)
    {
        var experiment = long.Parse(experimentId, CultureInfo.InvariantCulture);
        await using (var copy = await connection.BeginBinaryImportAsync("COPY runs (run_id, experiment_id, run_name, status, start_time, end_time, lifecycle_stage, artifact_uri, user_id, parent_run_id) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var r in runs)
            {
                copy.StartRow();
                copy.Write(r.RunId, NpgsqlDbType.Text);
                copy.Write(experiment, NpgsqlDbType.Bigint);
                copy.Write(r.RunName, NpgsqlDbType.Text);
                copy.Write("FINISHED", NpgsqlDbType.Text);
                copy.Write(r.StartTime, NpgsqlDbType.Bigint);
                copy.Write(r.StartTime + 60_000, NpgsqlDbType.Bigint);
                copy.Write("active", NpgsqlDbType.Text);
                copy.Write($"{experimentId}/{r.RunId}/artifacts", NpgsqlDbType.Text);
                copy.Write("bench", NpgsqlDbType.Text);
                copy.WriteNull();
            }

            await copy.CompleteAsync();
        }

        foreach (var (table, select) in new (string, Func<SeedRun, IEnumerable<KeyValuePair<string, string>>>)[] { ("params", r => r.Params), ("tags", r => r.Tags) })
        {
            await using var copy = await connection.BeginBinaryImportAsync($"COPY {table} (run_id, key, value) FROM STDIN (FORMAT BINARY)");
            foreach (var r in runs)
            {
                foreach (var (key, value) in select(r))
                {
                    copy.StartRow();
                    copy.Write(r.RunId, NpgsqlDbType.Text);
                    copy.Write(key, NpgsqlDbType.Text);
                    copy.Write(value, NpgsqlDbType.Text);
                }
            }

            await copy.CompleteAsync();
        }

        foreach (var table in new[] { "latest_metrics", "metrics" })
        {
            await using var copy = await connection.BeginBinaryImportAsync($"COPY {table} (run_id, key, value, is_nan, timestamp, step) FROM STDIN (FORMAT BINARY)");
            foreach (var r in runs)
            {
                for (var k = 0; k < MetricKeys.Length; k++)
                {
                    copy.StartRow();
                    copy.Write(r.RunId, NpgsqlDbType.Text);
                    copy.Write(MetricKeys[k], NpgsqlDbType.Text);
                    copy.Write(r.Metrics[k], NpgsqlDbType.Double);
                    copy.Write((short)0, NpgsqlDbType.Smallint);
                    copy.Write(r.StartTime + 60_000, NpgsqlDbType.Bigint);
                    copy.Write(0L, NpgsqlDbType.Bigint);
                }
            }

            await copy.CompleteAsync();
        }
    }

    /// <summary>One seeded run: 5 params (model from the zoo), 2 system-like tags, 5 metrics (rmse uniform 0–50 first).</summary>
    private sealed record SeedRun(string RunId, string RunName, long StartTime, string Model, Dictionary<string, string> Params, Dictionary<string, string> Tags, double[] Metrics)
    {
        public static SeedRun[] Generate(int count)
        {
            var random = new Random(42);
            const long start = 1_700_000_000_000;
            var runs = new SeedRun[count];
            Span<byte> id = stackalloc byte[16];
            for (var i = 0; i < count; i++)
            {
                random.NextBytes(id);
                var runId = Convert.ToHexStringLower(id);
                var model = Models[random.Next(Models.Length)];
                var parameters = new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["model"] = model,
                    ["horizon"] = (12 * (1 + random.Next(4))).ToString(CultureInfo.InvariantCulture),
                    ["seasonal_period"] = random.Next(2) == 0 ? "12" : "7",
                    ["learning_rate"] = (random.NextDouble() / 10).ToString("0.####", CultureInfo.InvariantCulture),
                    ["seed"] = random.Next(1000).ToString(CultureInfo.InvariantCulture),
                };
                var tags = new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    [RunSourceTags.User] = "bench",
                    [RunSourceTags.Machine] = "bench-host",
                };
                double[] metrics = [random.NextDouble() * 50, random.NextDouble() * 40, random.NextDouble() * 100, random.NextDouble() * 200, random.NextDouble()];
                runs[i] = new SeedRun(runId, $"run-{i}", start + (i * 1000L), model, parameters, tags, metrics);
            }

            return runs;
        }
    }
}
