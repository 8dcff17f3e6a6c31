using Prognos.Learning.Forecasting;
using Prognos.Learning.Forecasting.Arima;
using Xunit;

namespace Prognos.Learning.Tests.Forecasting.Arima;

public sealed class ScratchTests
{
    [Fact]
    public void Dump()
    {
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var fit = new ArimaForecaster(new ArimaOrder(0, 1, 1, 0, 1, 1, 12)).Fit(ClassicSeries.AirPassengersSeries(log: true), TestContext.Current.CancellationToken);
        var ms = sw.Elapsed.TotalMilliseconds;
        var f = fit.Predict(new ForecastRequest(3));
        var lines = new List<string> { fit.Description, $"ms {ms}" };
        lines.AddRange(fit.Parameters.Select(p => $"{p.Key} {p.Value:R}"));
        lines.Add($"{fit.Statistics}");
        for (var h = 0; h < 3; h++) lines.Add($"{f.Timestamps[h]:yyyy-MM} {f.Mean[h]:R} {f.Intervals[1].Lower[h]:R} {f.Intervals[1].Upper[h]:R}");
        lines.Add($"fitted0..14 {string.Join(' ', fit.Fitted.Take(15).Select(v => v.ToString("F4")))}");
        File.WriteAllLines("/tmp/scratch/out.txt", lines);
    }
}
