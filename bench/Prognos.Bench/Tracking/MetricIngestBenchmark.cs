using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;
using Prognos.Storage.Workspaces;
using Prognos.Tracking;
using Prognos.Workspaces;

namespace Prognos.Bench.Tracking;

/// <summary>
/// Metric ingestion through the SDK (LogBatchAsync in batches of 1000, and ActiveRun's buffered logger) beside the
/// fastest plain-driver write of the same rows into an identical <c>metrics</c> table: SQLite, one transaction of
/// prepared inserts; PostgreSQL, one binary COPY. Each measurement gets a fresh store so table size is equal.
/// </summary>
internal static class MetricIngestBenchmark
{
    private const double SqliteTarget = 200_000;
    private const double PostgresTarget = 100_000;

    public static async Task RunAsync(BenchOptions options, BenchReport report)
    {
        var points = BuildPoints(options.MetricKeys, options.Steps);
        var warmup = points[..Math.Min(points.Length, 20_000)];
        Console.WriteLine($"metric ingestion: {points.Length:N0} points ({options.MetricKeys} keys × {options.Steps:N0} steps), after a warm-up pass of {warmup.Length:N0}");
        await RunOnAsync(StoreKind.Sqlite, SqliteTarget, warmup, options, new BenchReport(quiet: true));
        await RunOnAsync(StoreKind.Sqlite, SqliteTarget, points, options, report);
        if (options.PostgresUri is not null)
        {
            await RunOnAsync(StoreKind.Postgres, PostgresTarget, warmup, options, new BenchReport(quiet: true));
            await RunOnAsync(StoreKind.Postgres, PostgresTarget, points, options, report);
        }
    }

    private static Metric[] BuildPoints(int keys, int steps)
    {
        var names = Enumerable.Range(0, keys).Select(k => $"metric_{k}").ToArray();
        var random = new Random(7);
        var points = new Metric[keys * steps];
        const long start = 1_764_000_000_000;
        for (var step = 0; step < steps; step++)
        {
            for (var k = 0; k < keys; k++)
            {
                points[(step * keys) + k] = new Metric(names[k], random.NextDouble() * 100, start + step, step);
            }
        }

        return points;
    }

    private static async Task RunOnAsync(StoreKind kind, double target, Metric[] points, BenchOptions options, BenchReport report)
    {
        double ceiling;
        await using (var store = await BenchStore.CreateAsync(kind, "ingest_ceiling", options))
        {
            var run = await store.Workspace.CreateRunAsync(new CreateRunRequest("0", "ceiling"));
            await using var connection = await store.OpenRawAsync();
            var elapsed = kind == StoreKind.Sqlite
                ? SqlitePreparedInserts((SqliteConnection)connection, run.Info.RunId, points)
                : await PostgresBinaryCopyAsync((NpgsqlConnection)connection, run.Info.RunId, points);
            ceiling = Rate(points.Length, elapsed);
            await ExpectRowsAsync(connection, points.Length);
            report.Log($"  {store.Name} ceiling ({(kind == StoreKind.Sqlite ? "prepared inserts, 1 transaction" : "binary COPY")}): {elapsed.TotalSeconds:F2} s");
        }

        // The same plain-driver writes, committed every 1000 rows as the SDK must: splits the SDK's gap into the
        // cost of committing per batch and the cost of the SDK itself.
        await using (var store = await BenchStore.CreateAsync(kind, "ingest_chunked", options))
        {
            var run = await store.Workspace.CreateRunAsync(new CreateRunRequest("0", "chunked"));
            await using var connection = await store.OpenRawAsync();
            var elapsed = TimeSpan.Zero;
            foreach (var chunk in points.Chunk(TrackingLimits.MaxMetricsPerBatch))
            {
                elapsed += kind == StoreKind.Sqlite
                    ? SqlitePreparedInserts((SqliteConnection)connection, run.Info.RunId, chunk)
                    : await PostgresBinaryCopyAsync((NpgsqlConnection)connection, run.Info.RunId, chunk, inTransaction: true);
            }

            await ExpectRowsAsync(connection, points.Length);
            report.Log($"  {store.Name} plain driver, one transaction per 1000 rows: {elapsed.TotalSeconds:F2} s");
            report.Add(new BenchFigure("(reference) plain driver, 1 transaction per 1000 rows", store.Name, "points/s", Rate(points.Length, elapsed), ceiling, null, HigherIsBetter: true));
        }

        await using (var store = await BenchStore.CreateAsync(kind, "ingest_batch", options))
        {
            var run = await store.Workspace.CreateRunAsync(new CreateRunRequest("0", "log-batch"));
            var batches = points.Chunk(TrackingLimits.MaxMetricsPerBatch).Select(chunk => new LogBatch(Metrics: chunk)).ToArray();
            var clock = Stopwatch.StartNew();
            foreach (var batch in batches)
            {
                await store.Workspace.LogBatchAsync(run.Info.RunId, batch);
            }

            clock.Stop();
            await using var connection = await store.OpenRawAsync();
            await ExpectRowsAsync(connection, points.Length);
            report.Log($"  {store.Name} LogBatchAsync × {batches.Length}: {clock.Elapsed.TotalSeconds:F2} s");
            report.Add(new BenchFigure("metric ingestion, LogBatchAsync (1000/batch)", store.Name, "points/s", Rate(points.Length, clock.Elapsed), ceiling, target, HigherIsBetter: true));
        }

        await using (var store = await BenchStore.CreateAsync(kind, "ingest_buffered", options))
        {
            await using var run = await store.Workspace.StartRunAsync("ingest", "buffered");
            var clock = Stopwatch.StartNew();
            foreach (var point in points)
            {
                await run.LogMetricAsync(point.Key, point.Value, point.Step);
            }

            await run.FlushAsync();
            clock.Stop();
            await using var connection = await store.OpenRawAsync();
            await ExpectRowsAsync(connection, points.Length);
            report.Log($"  {store.Name} ActiveRun.LogMetricAsync (buffered): {clock.Elapsed.TotalSeconds:F2} s");
            report.Add(new BenchFigure("metric ingestion, ActiveRun.LogMetricAsync (buffered)", store.Name, "points/s", Rate(points.Length, clock.Elapsed), ceiling, target, HigherIsBetter: true));
        }
    }

    private static TimeSpan SqlitePreparedInserts(SqliteConnection connection, string runId, Metric[] points)
    {
        var clock = Stopwatch.StartNew();
        using var transaction = connection.BeginTransaction(deferred: false);
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO metrics (run_id, key, value, is_nan, timestamp, step) VALUES ($id, $k, $v, $n, $t, $s)";
        var id = insert.Parameters.Add("$id", SqliteType.Text);
        var key = insert.Parameters.Add("$k", SqliteType.Text);
        var value = insert.Parameters.Add("$v", SqliteType.Real);
        var nan = insert.Parameters.Add("$n", SqliteType.Integer);
        var timestamp = insert.Parameters.Add("$t", SqliteType.Integer);
        var step = insert.Parameters.Add("$s", SqliteType.Integer);
        id.Value = runId;
        insert.Prepare();
        foreach (var m in points)
        {
            key.Value = m.Key;
            value.Value = m.Value;
            nan.Value = 0;
            timestamp.Value = m.Timestamp;
            step.Value = m.Step;
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
        return clock.Elapsed;
    }

    private static async Task<TimeSpan> PostgresBinaryCopyAsync(NpgsqlConnection connection, string runId, Metric[] points, bool inTransaction = false)
    {
        var clock = Stopwatch.StartNew();
        await using var transaction = inTransaction ? await connection.BeginTransactionAsync() : null;
        await using (var copy = await connection.BeginBinaryImportAsync("COPY metrics (run_id, key, value, is_nan, timestamp, step) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var m in points)
            {
                copy.StartRow();
                copy.Write(runId, NpgsqlDbType.Text);
                copy.Write(m.Key, NpgsqlDbType.Text);
                copy.Write(m.Value, NpgsqlDbType.Double);
                copy.Write((short)0, NpgsqlDbType.Smallint);
                copy.Write(m.Timestamp, NpgsqlDbType.Bigint);
                copy.Write(m.Step, NpgsqlDbType.Bigint);
            }

            await copy.CompleteAsync();
        }

        if (transaction is not null)
        {
            await transaction.CommitAsync();
        }

        return clock.Elapsed;
    }

    private static async Task ExpectRowsAsync(System.Data.Common.DbConnection connection, long expected)
    {
        var rows = await BenchStore.ScalarAsync(connection, "SELECT count(*) FROM metrics");
        if (rows != expected)
        {
            throw new InvalidOperationException($"Expected {expected:N0} metric rows after ingestion but found {rows:N0}.");
        }
    }

    private static double Rate(long points, TimeSpan elapsed) => points / elapsed.TotalSeconds;
}
