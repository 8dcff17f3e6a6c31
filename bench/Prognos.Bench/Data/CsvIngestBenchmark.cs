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

    private static async Task<double> HashAsync(string csv)
    {
        var started = Stopwatch.StartNew();
        await using var stream = File.OpenRead(csv);
        await SHA256.HashDataAsync(stream);
        return started.Elapsed.TotalSeconds;
    }
}
