using System.Globalization;

namespace Prognos.Bench.Tracking;

/// <summary>Command-line settings shared by the tracking benchmarks.</summary>
internal sealed record BenchOptions
{
    public const string DefaultPostgres = "postgresql://prognos:prognos@127.0.0.1:5432/prognos_test";

    /// <summary>Distinct metric keys per ingested run.</summary>
    public int MetricKeys { get; init; } = 10;

    /// <summary>Steps per metric key: points = keys × steps.</summary>
    public int Steps { get; init; } = 100_000;

    public int SearchRuns { get; init; } = 100_000;

    public int SearchRepetitions { get; init; } = 50;

    public int SearchWarmup { get; init; } = 5;

    /// <summary>Server URI without a schema; each benchmark store gets its own schema, dropped at the end.</summary>
    public string? PostgresUri { get; init; } = DefaultPostgres;

    /// <summary>Leave the stores (SQLite folders, PostgreSQL schemas) in place for a closer look.</summary>
    public bool KeepStores { get; init; }

    /// <summary>Where to write the Markdown figures table and plans (for bench/RESULTS.md).</summary>
    public string? ReportPath { get; init; }

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions { PostgresUri = Environment.GetEnvironmentVariable("PROGNOS_BENCH_POSTGRES") is { Length: > 0 } env ? env : DefaultPostgres };
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"'{args[i]}' needs a value.");
            int Number() => int.Parse(Value(), NumberStyles.None, CultureInfo.InvariantCulture);
            options = args[i] switch
            {
                "--keys" => options with { MetricKeys = Number() },
                "--steps" => options with { Steps = Number() },
                "--runs" => options with { SearchRuns = Number() },
                "--repetitions" => options with { SearchRepetitions = Number() },
                "--warmup" => options with { SearchWarmup = Number() },
                "--postgres" => options with { PostgresUri = Value() },
                "--no-postgres" => options with { PostgresUri = null },
                "--keep" => options with { KeepStores = true },
                "--report" => options with { ReportPath = Value() },
                _ => throw new ArgumentException($"Unknown option '{args[i]}'; see bench/README.md."),
            };
        }

        return options;
    }
}
