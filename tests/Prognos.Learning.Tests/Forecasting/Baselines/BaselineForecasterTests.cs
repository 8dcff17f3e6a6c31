using Prognos.Learning.Forecasting;
using Prognos.Learning.Forecasting.Baselines;
using Xunit;

namespace Prognos.Learning.Tests.Forecasting.Baselines;

/// <summary>Hand-computed forecasts and R's analytic interval formulas on the series 1, 2, 4, 7, 11.</summary>
public sealed class BaselineForecasterTests
{
    private const double Z95 = 1.959963984540054;
    private static readonly TimeSeries Series = SyntheticSeries.Of([1, 2, 4, 7, 11]);

    private static Forecast Predict(BaselineMethod method, TimeSeries series, int horizon) =>
        new BaselineForecaster(method).Fit(series, TestContext.Current.CancellationToken).Predict(new ForecastRequest(horizon, [95]));

    [Fact]
    public void Naive_uses_sigma_times_root_h()
    {
        var forecast = Predict(BaselineMethod.Naive, Series, 4);
        var sigma = Math.Sqrt((1 + 4 + 9 + 16) / 4.0);
        Assert.All(forecast.Mean, m => Assert.Equal(11, m));
        Assert.Equal(11 + Z95 * sigma * 2, forecast.Intervals[0].Upper[3], 1e-9);
    }

    [Fact]
    public void Drift_adds_the_uncertainty_of_the_slope()
    {
        var forecast = Predict(BaselineMethod.Drift, Series, 3);
        var sigma2 = 5.0 / 3;
        var slopeVariance = sigma2 / 4;
        Assert.Equal([13.5, 16, 18.5], forecast.Mean);
        Assert.Equal(18.5 - Z95 * Math.Sqrt(sigma2 * 3 + 9 * slopeVariance), forecast.Intervals[0].Lower[2], 1e-9);
    }

    [Fact]
    public void Mean_uses_student_t_and_root_one_plus_one_over_n()
    {
        var forecast = Predict(BaselineMethod.Mean, Series, 2);
        var sd = Math.Sqrt(66 / 4.0);
        Assert.Equal([5.0, 5.0], forecast.Mean);
        Assert.Equal(5 + 2.7764451051977987 * sd * Math.Sqrt(1.2), forecast.Intervals[0].Upper[1], 1e-6);
    }

    [Fact]
    public void Seasonal_naive_repeats_the_last_season_and_counts_full_periods()
    {
        var series = SyntheticSeries.Of([1, 2, 3, 4, 5, 6, 7, 8], new Frequency(FrequencyUnit.Quarter));
        var forecast = Predict(BaselineMethod.SeasonalNaive, series, 5);
        Assert.Equal([5.0, 6, 7, 8, 5], forecast.Mean);
        Assert.Equal(5 + Z95 * 4 * Math.Sqrt(2), forecast.Intervals[0].Upper[4], 1e-9);
        Assert.Equal(5 + Z95 * 4, forecast.Intervals[0].Upper[0], 1e-9);
    }

    [Fact]
    public void Seasonal_naive_needs_more_than_a_season() =>
        Assert.Throws<ForecastingException>(() => new BaselineForecaster(BaselineMethod.SeasonalNaive).Fit(SyntheticSeries.Of([1, 2, 3, 4, 5]), TestContext.Current.CancellationToken));
}
