using System.Text;
using Prognos.Learning.Forecasting;
using Prognos.Learning.Forecasting.Baselines;
using Xunit;

namespace Prognos.Learning.Tests.Forecasting;

public sealed class ForecastModelFormatTests
{
    private static MemoryStream Json(string text) => new(Encoding.UTF8.GetBytes(text));

    [Fact]
    public void Unknown_kind_is_named()
    {
        var error = Assert.Throws<ForecastingException>(() => ForecastModelFormat.Load(Json("""{"format":1,"kind":"prophet","state":{}}""")));
        Assert.Contains("'prophet'", error.Message);
    }

    [Fact]
    public void Newer_format_asks_for_an_upgrade()
    {
        var error = Assert.Throws<ForecastingException>(() => ForecastModelFormat.Load(Json("""{"format":99,"kind":"ets","state":{}}""")));
        Assert.Contains("upgrade", error.Message);
    }

    [Fact]
    public void Truncated_state_is_reported()
    {
        var error = Assert.Throws<ForecastingException>(() => ForecastModelFormat.Load(Json("""{"format":1,"kind":"ets","state":{}}""")));
        Assert.Contains("truncated", error.Message);
    }

    [Fact]
    public void Concurrent_loads_all_succeed()
    {
        using var buffer = new MemoryStream();
        new BaselineForecaster(BaselineMethod.Drift).Fit(SyntheticSeries.Monthly(2), TestContext.Current.CancellationToken).Save(buffer);
        var bytes = buffer.ToArray();
        var means = new double[32];
        Parallel.For(0, means.Length, i => means[i] = ForecastModelFormat.Load(new MemoryStream(bytes)).Predict(new ForecastRequest(1)).Mean[0]);
        Assert.All(means, m => Assert.Equal(means[0], m));
    }
}
