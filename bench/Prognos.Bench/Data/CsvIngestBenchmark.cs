using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Prognos.Data.Datasets;
using Prognos.Data.Prep;
using Prognos.Storage.Workspaces;

namespace Prognos.Bench.Data;

/// <summary>
/// <c>ingest-csv</c>: a CSV registered as a dataset version (snapshot: hash, typed load, profile, Parquet) in a fresh
/// workspace, beside the ceiling — DuckDB's own <c>COPY (SELECT * FROM read_csv(f)) TO f.parquet</c> in this process.
/// Throughput is source MB (10^6 bytes) per second. The SHA-256 of the file alone is timed too, as a part of ours.
/// </summary>
internal static class CsvIngestBenchmark
{
    public static async Task<int> RunAsync(DataBenchArgs args)
    {
        var csv = Path.GetFullPath(args.Required("csv"));
        var runs = int.Parse(args.Optional("runs", "1"), CultureInfo.InvariantCulture);
        var megabytes = new FileInfo(csv).Length / 1e6;
        var scratch = Directory.CreateDirectory(Path.Combine(args.Optional("scratch", Path.GetTempPath()), "prognos-bench-ingest-" + Guid.NewGuid().ToString("N"))).FullName;
        try
        {
            // DuckDB's native library loads once, outside the timings.
            using (var warm = DuckDbSession.Open(":memory:"))
            {
                warm.Execute("SELECT 1");
            }

            var ours = new List<double>();
            var duck = new List<double>();
            var hash = new List<double>();
            for (var run = 0; run < runs; run++)
            {
                // Alternated, so both see the same machine load; the page cache is warm for both after the first read.
                duck.Add(DuckDbCopy(csv, Path.Combine(scratch, $"duckdb-{run}.parquet")));
                ours.Add(await RegisterAsync(csv, Path.Combine(scratch, $"workspace-{run}")));
                hash.Add(await HashAsync(csv));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  run {run + 1}: ours {ours[^1]:F2} s, DuckDB {duck[^1]:F2} s, SHA-256 alone {hash[^1]:F2} s"));
            }

            if (args.Optional("breakdown", "false") == "true")
            {
                Breakdown(csv, Path.Combine(scratch, "breakdown.parquet"));
            }

            if (runs == 0)
            {
                return 0;
            }

            var oursBest = ours.Min();
            var duckBest = duck.Min();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"RESULT ingest-csv megabytes={megabytes:F1} ours_seconds={oursBest:F3} duckdb_seconds={duckBest:F3} ours_mb_s={megabytes / oursBest:F1} duckdb_mb_s={megabytes / duckBest:F1} share={duckBest / oursBest:F3} hash_seconds={hash.Min():F3} runs={runs}"));
            return 0;
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    private static async Task<double> RegisterAsync(string csv, string folder)
    {
        await using var workspace = await LocalWorkspace.InitAsync(folder);
        var registry = new DatasetRegistry(workspace.Datasets, workspace.ArtifactFolder,
            (name, _) => throw new InvalidOperationException($"no datastore '{name}' in the benchmark"), "bench");
        var started = Stopwatch.StartNew();
        var result = await registry.RegisterAsync(new DatasetRegistration("bench-ingest", csv, "csv"));
        var seconds = started.Elapsed.TotalSeconds;
        Console.WriteLine($"    registered {result.Version.RowCount} rows, {result.Version.Columns.Count} columns");
        return seconds;
    }

    private static double DuckDbCopy(string csv, string parquet)
    {
        using var db = DuckDbSession.Open(":memory:");
        var started = Stopwatch.StartNew();
        db.Execute($"COPY (SELECT * FROM read_csv({Sql.Str(csv)})) TO {Sql.Str(parquet)} (FORMAT PARQUET)");
        return started.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// Where our time goes: the registry's DuckDB phases replayed one by one on the same settings (in-memory database,
    /// memory_limit 1.5GB), beside the ceiling with ZSTD, the compression our snapshot uses.
    /// </summary>
    private static void Breakdown(string csv, string parquet)
    {
        using var db = DuckDbSession.Open(":memory:");
        db.Execute("SET memory_limit = '1.5GB'");
        var clock = Stopwatch.StartNew();
        void Phase(string name, Action action)
        {
            clock.Restart();
            action();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  phase {name}: {clock.Elapsed.TotalSeconds:F2} s"));
        }

        var input = new RecipeInput("data", csv, null, "csv", false, new Dictionary<string, string>(), null, true, new SourceLocation("--path", 1, 1));
        Phase("load (CsvInputLoader: read_csv with store_rejects into a table, mixed-type check)", () => new CsvInputLoader(db, input).Load("data", [csv], CancellationToken.None));
        var time = db.Describe("data").Single(c => c.IsTemporal).Name;
        // The profiler's heaviest queries, one by one: the top-10 of a non-numeric column groups by its text, which for a
        // timestamp means millions of distinct strings; a numeric column costs one pass with five exact quantiles.
        Phase($"  profile query: top-10 values of {time} (GROUP BY CAST AS VARCHAR)", () => db.Rows($"SELECT CAST({Sql.Id(time)} AS VARCHAR) AS v, count(*) AS n FROM data WHERE {Sql.Id(time)} IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 10"));
        Phase("  profile query: top-10 values of Battery_ID", () => db.Rows("SELECT CAST(Battery_ID AS VARCHAR) AS v, count(*) AS n FROM data WHERE Battery_ID IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 10"));
        Phase("  profile query: avg, stddev, min, max, 5 exact quantiles of Daily_Trip_Duration", () => db.Rows("SELECT avg(x), stddev_samp(x), min(x), max(x), quantile_cont(x, 0.05), quantile_cont(x, 0.25), quantile_cont(x, 0.5), quantile_cont(x, 0.75), quantile_cont(x, 0.95) FROM (SELECT CAST(Daily_Trip_Duration AS DOUBLE) AS x FROM data)"));
        Phase("  profile query: same with approx_quantile", () => db.Rows("SELECT avg(x), stddev_samp(x), min(x), max(x), approx_quantile(x, [0.05, 0.25, 0.5, 0.75, 0.95]) FROM (SELECT CAST(Daily_Trip_Duration AS DOUBLE) AS x FROM data)"));
        Phase("profile columns only (DatasetProfiler, no time column)", () => DatasetProfiler.Profile(db, "data", null, null, CancellationToken.None));
        Phase("profile with time column " + time + " (what the registry runs)", () => DatasetProfiler.Profile(db, "data", time, null, CancellationToken.None));
        Phase("write Parquet ZSTD from the table", () => db.Execute($"COPY data TO {Sql.Str(parquet)} (FORMAT PARQUET, COMPRESSION ZSTD)"));
        db.Execute("DROP TABLE data");
        File.Delete(parquet);
        Phase("ceiling with ZSTD: COPY (SELECT * FROM read_csv(f)) TO f.parquet (COMPRESSION ZSTD)", () =>
            db.Execute($"COPY (SELECT * FROM read_csv({Sql.Str(csv)})) TO {Sql.Str(parquet)} (FORMAT PARQUET, COMPRESSION ZSTD)"));
        File.Delete(parquet);
        Phase("ceiling, plain read_csv into a table (no store_rejects)", () => db.Execute($"CREATE TABLE plain AS SELECT * FROM read_csv({Sql.Str(csv)})"));
    }

    private static async Task<double> HashAsync(string csv)
    {
        var started = Stopwatch.StartNew();
        await using var stream = File.OpenRead(csv);
        await SHA256.HashDataAsync(stream);
        return started.Elapsed.TotalSeconds;
    }
}
