using Prognos.Learning.Forecasting;
using Prognos.Learning.Forecasting.Arima;
using Xunit;

namespace Prognos.Learning.Tests.Forecasting.Arima;

public sealed class ScratchTests
{
    [Fact]
    public void Dump()
    {
        var lines = new List<string>();
        foreach (var log in new[] { false, true })
        {
            var series = ClassicSeries.AirPassengersSeries(log);
            var sw = System.Diagnostics.Stopwatch.StartNew();
            var result = new AutoArimaForecaster().Search(series, TestContext.Current.CancellationToken);
            var ms = sw.Elapsed.TotalMilliseconds;
            var fit = result.Model;
            lines.Add($"{fit.Description} ms {ms} tried {result.Tried.Count}");
            lines.AddRange(result.Tried.Select(c => $"  {c.Order} c={c.Constant} {c.Criterion}"));
            lines.AddRange(fit.Parameters.Select(p => $"{p.Key} {p.Value:R}"));
            lines.Add($"{fit.Statistics}");
            sw.Restart();
            for (var i = 0; i < 5; i++) new AutoArimaForecaster().Fit(series, TestContext.Current.CancellationToken);
            lines.Add($"avg ms {sw.Elapsed.TotalMilliseconds / 5}");
        }
        File.WriteAllLines("/tmp/scratch/out.txt", lines);
    }
}
