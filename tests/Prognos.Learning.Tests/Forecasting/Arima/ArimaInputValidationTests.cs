using Prognos.Learning.Forecasting;
using Prognos.Learning.Forecasting.Arima;
using Xunit;

namespace Prognos.Learning.Tests.Forecasting.Arima;

/// <summary>Short, constant and malformed inputs give a model with a reason or a clear ForecastingException, never a crash.</summary>
public sealed class ArimaInputValidationTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(12)]
    [InlineData(20)]
    public void TooShortSeriesFallsBackToASimplerOrderWithAReason(int length)
    {
        var values = SimulatedSeries.Arima(length, seed: length, ar: 0.3, ma: 0.2, d: 1);
        var series = SimulatedSeries.Series(values, Frequency.MonthlyStart);
        var fit = (ArimaFittedModel)new ArimaForecaster(new ArimaOrder(2, 1, 2, 1, 1, 1, 12)).Fit(series, Token);

        Assert.NotNull(fit.FallbackReason);
        Assert.Contains("fallback", fit.Description);
        var forecast = fit.Predict(new ForecastRequest(6));
        Assert.All(forecast.Mean, v => Assert.True(double.IsFinite(v)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(15)]
    [InlineData(30)]
    public void AutoArimaHandlesShortSeries(int length)
    {
        var values = SimulatedSeries.Arima(length, seed: 100 + length, ar: 0.5, ma: 0, d: 0);
        var fit = new AutoArimaForecaster().Fit(SimulatedSeries.Series(values, Frequency.MonthlyStart), Token);
        var forecast = fit.Predict(new ForecastRequest(3));
        Assert.All(forecast.Mean, v => Assert.True(double.IsFinite(v)));
    }

    [Fact]
    public void ConstantSeriesForecastsTheConstantWithZeroWidthIntervals()
    {
        var series = SimulatedSeries.Series(Enumerable.Repeat(42.0, 36).ToArray(), Frequency.MonthlyStart);
        foreach (IForecaster forecaster in new IForecaster[] { new AutoArimaForecaster(), new ArimaForecaster(new ArimaOrder(1, 1, 1)) })
        {
            var forecast = forecaster.Fit(series, Token).Predict(new ForecastRequest(5));
            Assert.All(forecast.Mean, v => Assert.Equal(42.0, v));
            Assert.All(forecast.Intervals, i => Assert.Equal(i.Lower, i.Upper));
        }
    }

    [Fact]
    public void LinearTrendIsFittedExactlyByAutoArima()
    {
        // R: a constant first difference gives ARIMA(0,1,0) with the drift fixed at that difference.
        var series = SimulatedSeries.Series([.. Enumerable.Range(0, 30).Select(i => 5.0 + (2 * i))], Frequency.Daily);
        var fit = new AutoArimaForecaster().Fit(series, Token);
        var forecast = fit.Predict(new ForecastRequest(3));
        Assert.Equal("ARIMA(0,1,0) with drift", fit.Description);
        Assert.Equal([65.0, 67.0, 69.0], forecast.Mean.Select(v => Math.Round(v, 9)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void NonPositiveHorizonIsRejected(int horizon)
    {
        var fit = new ArimaForecaster(new ArimaOrder(1, 0, 0)).Fit(SimulatedSeries.Series(SimulatedSeries.Arima(50, 1, 0.5, 0, 0), Frequency.Daily), Token);
        var error = Assert.Throws<ForecastingException>(() => fit.Predict(new ForecastRequest(horizon)));
        Assert.Contains("horizon", error.Message);
    }

    [Fact]
    public void MissingFutureExogenousColumnIsNamed()
    {
        var driver = SimulatedSeries.Normal(60, 2);
        var values = driver.Select((x, t) => 10 + (2 * x) + (0.1 * t)).ToArray();
        var series = SimulatedSeries.Series(values, Frequency.Daily, exogenous: new Dictionary<string, double[]> { ["price"] = driver });
        var fit = new AutoArimaForecaster().Fit(series, Token);

        var missing = Assert.Throws<ForecastingException>(() => fit.Predict(new ForecastRequest(3)));
        Assert.Contains("'price'", missing.Message);
        var wrongName = Assert.Throws<ForecastingException>(() => fit.Predict(new ForecastRequest(3, FutureExogenous: new Dictionary<string, double[]> { ["cost"] = [1, 2, 3] })));
        Assert.Contains("'price'", wrongName.Message);
        var tooFew = Assert.Throws<ForecastingException>(() => fit.Predict(new ForecastRequest(3, FutureExogenous: new Dictionary<string, double[]> { ["price"] = [1] })));
        Assert.Contains("'price'", tooFew.Message);
        Assert.Equal(3, fit.Predict(new ForecastRequest(3, FutureExogenous: new Dictionary<string, double[]> { ["price"] = [1, 2, 3] })).Horizon);
    }

    [Fact]
    public void RequestedExogenousColumnAbsentFromTheSeriesIsNamed()
    {
        var series = SimulatedSeries.Series(SimulatedSeries.Arima(40, 4, 0.2, 0, 0), Frequency.Daily);
        var error = Assert.Throws<ForecastingException>(() => new ArimaForecaster(new ArimaOrder(1, 0, 0)) { ExogenousColumns = ["humidity"] }.Fit(series, Token));
        Assert.Contains("'humidity'", error.Message);
    }

    [Fact]
    public void MissingValuesInTheSeriesAreSkipped()
    {
        var values = SimulatedSeries.Arima(120, 8, 0.6, 0.3, 1);
        values[40] = double.NaN;
        values[77] = double.NaN;
        var fit = new ArimaForecaster(new ArimaOrder(1, 1, 1)).Fit(SimulatedSeries.Series(values, Frequency.Daily), Token);
        Assert.True(double.IsFinite(fit.Statistics.LogLikelihood));
        Assert.All(fit.Predict(new ForecastRequest(4)).Mean, v => Assert.True(double.IsFinite(v)));
    }

    [Fact]
    public void TrailingMissingValuesAreDroppedSoForecastsFollowTheLastObservation()
    {
        var values = SimulatedSeries.Arima(60, 12, 0.5, 0, 1);
        values[^1] = double.NaN;
        values[^2] = double.NaN;
        var series = SimulatedSeries.Series(values, Frequency.MonthlyStart);
        var fit = new AutoArimaForecaster().Fit(series, Token);
        var forecast = fit.Predict(new ForecastRequest(3));
        Assert.Equal(series.Timestamps[^2], forecast.Timestamps[0]);
        Assert.All(forecast.Mean, v => Assert.True(double.IsFinite(v)));
    }

    [Fact]
    public void InvalidLevelsAndOrdersAreRejected()
    {
        var series = SimulatedSeries.Series(SimulatedSeries.Arima(40, 4, 0.2, 0, 0), Frequency.Daily);
        Assert.Throws<ForecastingException>(() => new ArimaForecaster(new ArimaOrder(-1, 0, 0)).Fit(series, Token));
        var fit = new ArimaForecaster(new ArimaOrder(1, 0, 0)).Fit(series, Token);
        Assert.Throws<ForecastingException>(() => fit.Predict(new ForecastRequest(2, [100])));
        Assert.Throws<ForecastingException>(() => new ArimaForecaster(new ArimaOrder(1, 0, 0)).Fit(SimulatedSeries.Series([double.NaN, double.NaN], Frequency.Daily), Token));
    }

    [Fact]
    public void CorruptModelFileGivesAClearError()
    {
        using var stream = new MemoryStream("""{"format":1,"kind":"arima","state":{"name":"arima"}}"""u8.ToArray());
        var error = Assert.Throws<ForecastingException>(() => ForecastModelFormat.Load(stream));
        Assert.Contains("ARIMA model state", error.Message);
    }
}
