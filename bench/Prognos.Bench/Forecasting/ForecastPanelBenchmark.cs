using System.Diagnostics;
using System.Text.Json;
using Prognos.Learning.Forecasting;
using Prognos.Learning.Forecasting.Arima;
using Prognos.Learning.Forecasting.Baselines;
using Prognos.Learning.Forecasting.Ets;
using Prognos.Learning.Forecasting.Evaluation;
using Prognos.Learning.Forecasting.Theta;

namespace Prognos.Bench.Forecasting;

/// <summary>
/// Fit + forecast of auto ETS, auto ARIMA and Theta on every series of a panel, as tools/reference/bench_r_forecast.R
/// does in R: last <c>horizon</c> points held out, defaults, MASE scaled by the in-sample seasonal naive, sMAPE.
/// A model that throws falls back to seasonal naive for that series and counts as a failure, as in the R script.
/// </summary>
internal static class ForecastPanelBenchmark
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true };

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        ForecastBenchOptions options;
        try
        {
            options = ForecastBenchOptions.Parse(args);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException)
        {
            Console.Error.WriteLine(ex.Message);
            return 1;
        }

        var series = options.FixturePath is { } fixture
            ? RFixtureSeries.Read(fixture)
            : PanelCsv.Read(options.PanelPath, options.Series, options.Horizon);
        Console.WriteLine($"forecast-panel: {series.Count} series from {options.FixturePath ?? options.PanelPath}, {options.Threads} thread(s), methods {string.Join(", ", options.Methods)}");

        var results = new List<MethodResult>();
        foreach (var method in options.Methods)
        {
            var forecaster = Create(method);
            // Untimed warm-up on one series so JIT compilation is not billed to the first method (R's package load is not timed either).
            Score(forecaster, series[0]);
            var result = Run(method, forecaster, series, options.Threads);
            results.Add(result);
            Console.WriteLine($"  {method,-10} {result.TotalWallSeconds,9:F3} s wall  {result.TotalCpuSeconds,9:F3} s CPU  {result.SeriesPerSecond,9:F1} series/s  failures {result.Failures}  MASE {result.MeanMase:F4}  sMAPE {result.MeanSmape:F4}");
        }

        var total = results.Sum(r => r.TotalWallSeconds);
        Console.WriteLine($"  {"total",-10} {total,9:F3} s wall");
        if (options.JsonPath is { } path)
        {
            var report = new
            {
                Generator = "bench/Prognos.Bench forecast-panel",
                GeneratedUtc = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ"),
                Source = options.FixturePath ?? options.PanelPath,
                NSeries = series.Count,
                options.Threads,
                ProcessorCount = Environment.ProcessorCount,
                TotalWallSeconds = total,
                Methods = results.ToDictionary(r => r.Method),
            };
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            await File.WriteAllTextAsync(path, JsonSerializer.Serialize(report, Json));
        }

        return 0;
    }

    private static IForecaster Create(string method) => method switch
    {
        "ets" => new EtsForecaster(),
        "auto_arima" or "arima" => new AutoArimaForecaster(),
        "theta" => new ThetaForecaster(),
        _ => ForecasterCatalog.Create(method),
    };

    private static MethodResult Run(string method, IForecaster forecaster, IReadOnlyList<HoldoutSeries> series, int threads)
    {
        var scores = new SeriesScore[series.Count];
        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        Parallel.For(0, series.Count, new ParallelOptions { MaxDegreeOfParallelism = threads }, i => scores[i] = Score(forecaster, series[i]));
        clock.Stop();
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds;
        var mase = scores.Select(s => s.Mase).Where(double.IsFinite).Order().ToArray();
        return new MethodResult(
            method,
            series.Count,
            threads,
            clock.Elapsed.TotalSeconds,
            cpu,
            series.Count / clock.Elapsed.TotalSeconds,
            scores.Count(s => s.Error is not null),
            mase.Average(),
            mase.Length % 2 == 1 ? mase[mase.Length / 2] : (mase[mase.Length / 2 - 1] + mase[mase.Length / 2]) / 2,
            scores.Select(s => s.Smape).Where(double.IsFinite).Average(),
            scores);
    }

    private static SeriesScore Score(IForecaster forecaster, HoldoutSeries s)
    {
        var clock = Stopwatch.StartNew();
        string model;
        string? error = null;
        double[] mean;
        try
        {
            var fitted = forecaster.Fit(s.Train);
            mean = fitted.Predict(new ForecastRequest(s.Test.Length)).Mean;
            model = fitted.Description;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            error = $"{ex.GetType().Name}: {ex.Message}";
            mean = new BaselineForecaster(BaselineMethod.SeasonalNaive).Fit(s.Train).Predict(new ForecastRequest(s.Test.Length)).Mean;
            model = "fallback_snaive";
        }

        clock.Stop();
        return new SeriesScore(
            s.Id,
            model,
            clock.Elapsed.TotalSeconds,
            ForecastMetrics.Mase(s.Test, mean, s.Train.Values, s.Train.SeasonalPeriod),
            ForecastMetrics.Smape(s.Test, mean),
            error);
    }
}
