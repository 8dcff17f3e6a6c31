using System.Diagnostics;
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
        var process = Process.GetCurrentProcess();
        new AutoArimaForecaster().Fit(RForecastFixture.Training("USAccDeaths"), TestContext.Current.CancellationToken);
        foreach (var name in RForecastFixture.SeriesNames.Concat(RForecastFixture.SeriesNames))
        {
            var train = RForecastFixture.Training(name);
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            new AutoArimaForecaster().Search(train, TestContext.Current.CancellationToken);
            process.Refresh();
            lines.Add($"{name} wall {sw.Elapsed.TotalMilliseconds:F0} ms cpu {(process.TotalProcessorTime - cpu).TotalMilliseconds:F0} ms");
        }
        var co2 = RForecastFixture.Training("co2");
        process.Refresh();
        var c0 = process.TotalProcessorTime;
        ArimaEstimator.Evaluations = 0;
        AutoArimaForecaster.Evaluate(co2, new ArimaOrder(2, 1, 2, 1, 1, 2, 12), false, [], InformationCriterion.Aicc, false, 0);
        process.Refresh();
        lines.Add($"co2 (2,1,2)(1,1,2) cpu {(process.TotalProcessorTime - c0).TotalMilliseconds:F0} ms evals {ArimaEstimator.Evaluations}");
        File.WriteAllLines("/tmp/scratch/out.txt", lines);
    }
}
