using Prognos.Learning.Forecasting;
using Prognos.Learning.Forecasting.Intermittent;
using Xunit;

namespace Prognos.Learning.Tests.Forecasting.Intermittent;

/// <summary>Hand-computed Croston, SBA and TSB forecasts for demand 0, 3, 0, 0, 6 with α = β = 0.1.</summary>
public sealed class IntermittentForecasterTests
{
    private static readonly TimeSeries Demand = SyntheticSeries.Of([0, 3, 0, 0, 6], Frequency.Daily);

    private static double PointForecast(IntermittentMethod method) =>
        new IntermittentForecaster(method).Fit(Demand, TestContext.Current.CancellationToken).Predict(new ForecastRequest(3)).Mean[2];

    [Fact]
    public void Croston_divides_smoothed_size_by_smoothed_interval() =>
        Assert.Equal(3.3 / 2.1, PointForecast(IntermittentMethod.Croston), 12);

    [Fact]
    public void Syntetos_boylan_removes_the_bias() =>
        Assert.Equal(0.95 * 3.3 / 2.1, PointForecast(IntermittentMethod.SyntetosBoylan), 12);

    [Fact]
    public void Tsb_multiplies_probability_by_size() =>
        Assert.Equal(0.409096 * 4.515, PointForecast(IntermittentMethod.Tsb), 9);

    [Fact]
    public void Negative_demand_is_rejected()
    {
        var error = Assert.Throws<ForecastingException>(() => new IntermittentForecaster().Fit(SyntheticSeries.Of([1, -1, 0], Frequency.Daily), TestContext.Current.CancellationToken));
        Assert.Contains("non-negative", error.Message);
    }

    [Fact]
    public void No_demand_forecasts_zero() =>
        Assert.All(new IntermittentForecaster().Fit(SyntheticSeries.Of([0, 0, 0], Frequency.Daily), TestContext.Current.CancellationToken).Predict(new ForecastRequest(2)).Mean, m => Assert.Equal(0, m));
}
