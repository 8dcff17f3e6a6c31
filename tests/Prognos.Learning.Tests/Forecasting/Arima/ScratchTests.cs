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
        foreach (var name in RForecastFixture.SeriesNames)
        {
            var train = RForecastFixture.Training(name);
            var r = RForecastFixture.Series(name);
            var diff = r.GetProperty("differencing");
            var m = train.SeasonalPeriod;
            var strength = DifferencingOrder.SeasonalStrength(train.Values, m);
            var nd = DifferencingOrder.NonSeasonalDifferences(train.Values, KpssLagRule.ForecastPackage);
            var ndShort = DifferencingOrder.NonSeasonalDifferences(train.Values, KpssLagRule.Short);
            var nsd = DifferencingOrder.SeasonalDifferences(train.Values, m);
            lines.Add($"{name}: strength {strength:F6} vs R {diff.GetProperty("seasonal_strength").GetDouble():F6}; ndiffs {nd}/{ndShort} vs {diff.GetProperty("ndiffs_kpss").GetInt32()}; nsdiffs {nsd} vs {diff.GetProperty("nsdiffs_seas").GetInt32()}");
            var sw = System.Diagnostics.Stopwatch.StartNew();
            var result = new AutoArimaForecaster().Search(train, TestContext.Current.CancellationToken);
            var ms = sw.Elapsed.TotalMilliseconds;
            var test = RForecastFixture.Test(name);
            var f = result.Model.Predict(new ForecastRequest(test.Length));
            var mase = RForecastFixture.Mase(test, f.Mean, train.Values, m);
            lines.Add($"   ours {result.Model.Description} aicc {result.Model.Statistics.Aicc:F4} mase {mase:F4} {ms:F0}ms tried {result.Tried.Count}");
            lines.Add($"   R    {r.GetProperty("auto_arima").GetProperty("model").GetString()} aicc {r.GetProperty("auto_arima").GetProperty("aicc").GetDouble():F4} mase {r.GetProperty("auto_arima").GetProperty("mase").GetDouble():F4}");
            lines.Add("   " + string.Join(", ", result.Model.Parameters.Select(p => $"{p.Key}={p.Value:F4}")));
        }
        File.WriteAllLines("/tmp/scratch/out.txt", lines);
    }
}
