using Prognos.Bench.Data;
using Prognos.Bench.Forecasting;
using Prognos.Bench.Tracking;

// Usage: Prognos.Bench <tracking-ingest|tracking-search|all|forecast-panel|prep-battery|prep-compare|ingest-csv> [options]; see bench/README.md.
if (args.Length > 0 && args[0] == "forecast-panel")
{
    return await ForecastPanelBenchmark.RunAsync(args[1..]);
}

// The data benchmarks run one per process (bench/run-data.sh), so each peak memory figure is that benchmark's own.
var dataBenchmarks = new Dictionary<string, Func<DataBenchArgs, Task<int>>>(StringComparer.Ordinal)
{
    ["prep-battery"] = BatteryPrepBenchmark.RunAsync,
    ["prep-compare"] = a => Task.FromResult(BatteryPrepComparison.Run(a)),
    ["ingest-csv"] = CsvIngestBenchmark.RunAsync,
};

if (args.Length > 0 && dataBenchmarks.TryGetValue(args[0], out var dataBenchmark))
{
    try
    {
        return await dataBenchmark(DataBenchArgs.Parse(args[1..]));
    }
    catch (ArgumentException ex)
    {
        Console.Error.WriteLine($"{args[0]}: {ex.Message}");
        return 1;
    }
}

var benchmarks = new Dictionary<string, Func<BenchOptions, BenchReport, Task>>(StringComparer.Ordinal)
{
    ["tracking-ingest"] = MetricIngestBenchmark.RunAsync,
    ["tracking-search"] = RunSearchBenchmark.RunAsync,
};

if (args.Length == 0 || (args[0] != "all" && !benchmarks.ContainsKey(args[0])))
{
    Console.Error.WriteLine($"usage: Prognos.Bench <{string.Join('|', benchmarks.Keys)}|all|forecast-panel|{string.Join('|', dataBenchmarks.Keys)}> [--keys N] [--steps N] [--runs N] [--repetitions N] [--warmup N] [--postgres URI | --no-postgres] [--report FILE]");
    return 1;
}

BenchOptions options;
try
{
    options = BenchOptions.Parse(args[1..]);
}
catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException)
{
    Console.Error.WriteLine(ex.Message);
    return 1;
}

var report = new BenchReport();
foreach (var (name, run) in benchmarks.Where(b => args[0] == "all" || b.Key == args[0]))
{
    await run(options, report);
}

var markdown = report.ToMarkdown();
Console.WriteLine();
Console.WriteLine(markdown);
if (options.ReportPath is { } path)
{
    await File.WriteAllTextAsync(path, markdown);
}

return 0;
