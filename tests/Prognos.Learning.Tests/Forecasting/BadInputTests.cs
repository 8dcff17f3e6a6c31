using Prognos.Learning.Forecasting;
using Prognos.Learning.Forecasting.Baselines;
using Prognos.Learning.Forecasting.StateSpace;
using Prognos.Learning.Forecasting.Theta;
using Xunit;

namespace Prognos.Learning.Tests.Forecasting;

/// <summary>Invalid series and requests fail with a message that says what to do; degenerate series still forecast.</summary>
public sealed class BadInputTests
{
    public static TheoryData<string> AllNames => new(ForecasterCatalog.Names);

    // ARIMA handles missing values inside its likelihood as R's Arima does (ArimaInputValidationTests covers it).
    public static TheoryData<string> NamesThatRequireCompleteSeries => new(ForecasterCatalog.Names.Where(n => n != "arima"));

    [Theory]
    [MemberData(nameof(AllNames))]
    public void Horizon_must_be_positive(string name)
    {
        var fitted = ForecasterCatalog.Create(name).Fit(SyntheticSeries.Monthly(7), TestContext.Current.CancellationToken);
        var error = Assert.Throws<ForecastingException>(() => fitted.Predict(new ForecastRequest(0)));
        Assert.Contains("positive horizon", error.Message);
        Assert.Throws<ForecastingException>(() => fitted.Predict(new ForecastRequest(-3)));
    }

    [Theory]
    [MemberData(nameof(NamesThatRequireCompleteSeries))]
    public void Missing_values_are_reported_with_their_position(string name)
    {
        var values = SyntheticSeries.Monthly(8).Values.ToArray();
        values[10] = double.NaN;
        var error = Assert.Throws<ForecastingException>(() => ForecasterCatalog.Create(name).Fit(SyntheticSeries.Of(values), TestContext.Current.CancellationToken));
        Assert.Contains("position 10", error.Message);
        Assert.Contains("Interpolate", error.Message);
    }

    [Theory]
    [MemberData(nameof(AllNames))]
    public void Duplicate_timestamps_are_rejected(string name)
    {
        var series = SyntheticSeries.Monthly(9);
        var timestamps = series.Timestamps.ToArray();
        timestamps[4] = timestamps[3];
        var error = Assert.Throws<ForecastingException>(() => ForecasterCatalog.Create(name).Fit(series with { Timestamps = timestamps }, TestContext.Current.CancellationToken));
        Assert.Contains("Duplicate timestamp", error.Message);
    }

    [Theory]
    [MemberData(nameof(AllNames))]
    public void Constant_series_forecast_the_constant(string name)
    {
        var forecast = ForecasterCatalog.Create(name)
            .Fit(SyntheticSeries.Of(Enumerable.Repeat(42.0, 40).ToArray()), TestContext.Current.CancellationToken)
            .Predict(new ForecastRequest(6));
        Assert.All(forecast.Mean, m => Assert.Equal(42, m, 6));
    }

    [Fact]
    public void Too_short_series_fail_with_a_suggestion()
    {
        var tiny = SyntheticSeries.Of([5.0, 6.0]);
        var error = Assert.Throws<ForecastingException>(() => new ThetaForecaster().Fit(tiny, TestContext.Current.CancellationToken));
        Assert.Contains("simpler model", error.Message);
        Assert.Throws<ForecastingException>(() => new StructuralForecaster().Fit(tiny, TestContext.Current.CancellationToken));
        Assert.NotNull(new BaselineForecaster(BaselineMethod.Naive).Fit(tiny, TestContext.Current.CancellationToken));
    }

    [Fact]
    public void Exogenous_regression_needs_future_values()
    {
        var series = SyntheticSeries.Monthly(11);
        var x = Enumerable.Range(0, series.Length).Select(t => (double)(t % 3)).ToArray();
        var withX = series with { Exogenous = new Dictionary<string, double[]> { ["promo"] = x } };
        var fitted = new StructuralForecaster(StructuralTrend.LocalLevel).Fit(withX, TestContext.Current.CancellationToken);
        Assert.Contains("beta.promo", fitted.Parameters.Keys);

        var error = Assert.Throws<ForecastingException>(() => fitted.Predict(new ForecastRequest(3)));
        Assert.Contains("promo", error.Message);
        var forecast = fitted.Predict(new ForecastRequest(3, FutureExogenous: new Dictionary<string, double[]> { ["promo"] = [0, 1, 2] }));
        Assert.Equal(3, forecast.Horizon);
    }
}
