using Prognos.Bench.Forecasting;
using Prognos.Bench.Tracking;

// Usage: Prognos.Bench <tracking-ingest|tracking-search|all|forecast-panel> [options]; see bench/README.md.
if (args.Length > 0 && args[0] == "forecast-panel")
{
    return await ForecastPanelBenchmark.RunAsync(args[1..]);
}

var benchmarks = new Dictionary<string, Func<BenchOptions, BenchReport, Task>>(StringComparer.Ordinal)
{
    ["tracking-ingest"] = MetricIngestBenchmark.RunAsync,
    ["tracking-search"] = RunSearchBenchmark.RunAsync,
};

if (args.Length == 0 || (args[0] != "all" && !benchmarks.ContainsKey(args[0])))
{
    Console.Error.WriteLine($"usage: Prognos.Bench <{string.Join('|', benchmarks.Keys)}|all|forecast-panel> [--keys N] [--steps N] [--runs N] [--repetitions N] [--warmup N] [--postgres URI | --no-postgres] [--report FILE]");
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
