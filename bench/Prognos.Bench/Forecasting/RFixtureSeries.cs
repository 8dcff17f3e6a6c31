using System.Text.Json.Nodes;
using Prognos.Learning.Forecasting;

namespace Prognos.Bench.Forecasting;

/// <summary>
/// The R datasets of tests/Prognos.Learning.Tests/Fixtures/forecasting/r_forecast.json (written by
/// tools/reference/forecast_r.R): their train/test split, and R's per-call fit seconds, MASE and sMAPE.
/// </summary>
internal static class RFixtureSeries
{
    public static IReadOnlyList<HoldoutSeries> Read(string path)
    {
        var root = JsonNode.Parse(File.ReadAllText(path))?["series"]?.AsObject()
            ?? throw new InvalidDataException($"{path} has no 'series' object.");
        return root.Select(entry =>
        {
            var s = entry.Value!;
            var period = s["frequency"]!.GetValue<int>();
            var (frequency, monthsPerStep) = period switch
            {
                12 => (Frequency.MonthlyStart, 1),
                4 => (new Frequency(FrequencyUnit.Quarter), 3),
                _ => throw new InvalidDataException($"{path}: series {entry.Key} has frequency {period}; only 12 and 4 are handled."),
            };
            var start = new DateTime(s["start_year"]!.GetValue<int>(), 1 + monthsPerStep * (s["start_period"]!.GetValue<int>() - 1), 1, 0, 0, 0, DateTimeKind.Utc);
            var train = s["train"]!.AsArray().Select(v => v!.GetValue<double>()).ToArray();
            var test = s["test"]!.AsArray().Select(v => v!.GetValue<double>()).ToArray();
            var timestamps = Enumerable.Range(0, train.Length).Select(i => frequency.Advance(start, i)).ToArray();
            return new HoldoutSeries(entry.Key, new TimeSeries(timestamps, train, frequency, entry.Key), test);
        }).ToArray();
    }

    /// <summary>R's own figures for one method (<c>ets</c>, <c>auto_arima</c>, <c>theta</c>) on every fixture series.</summary>
    public static IReadOnlyList<(string Series, double FitSeconds, double Mase, double Smape)> RFigures(string path, string method)
    {
        var root = JsonNode.Parse(File.ReadAllText(path))!["series"]!.AsObject();
        return root.Select(entry =>
        {
            var m = entry.Value![method]!;
            return (entry.Key, m["fit_seconds"]!.GetValue<double>(), m["mase"]!.GetValue<double>(), m["smape"]!.GetValue<double>());
        }).ToArray();
    }
}
