using Prognos.Learning.Forecasting;
using Prognos.Learning.Forecasting.Arima;
using Xunit;

namespace Prognos.Learning.Tests.Forecasting.Arima;

/// <summary>Cases whose answers are known in closed form or from published R output.</summary>
public sealed class ArimaHandCheckTests
{
    [Fact]
    public void AirlineModelOnFullLogAirPassengersMatchesPublishedRFit()
    {
        // R: Arima(log(AirPassengers), order=c(0,1,1), seasonal=c(0,1,1)): ma1 -0.4018, sma1 -0.5569,
        // sigma^2 0.001371, loglik 244.70, AIC -483.4, AICc -483.2, BIC -474.77.
        var fit = new ArimaForecaster(new ArimaOrder(0, 1, 1, 0, 1, 1, 12)).Fit(ClassicSeries.AirPassengersSeries(log: true), TestContext.Current.CancellationToken);
        Assert.Equal(-0.4018, fit.Parameters["ma1"], 3);
        Assert.Equal(-0.5569, fit.Parameters["sma1"], 3);
        Assert.Equal(0.001371, fit.Statistics.Sigma2, 6);
        Assert.Equal(244.70, fit.Statistics.LogLikelihood, 2);
        Assert.Equal(-483.2, fit.Statistics.Aicc, 1);
        Assert.Equal(-474.77, fit.Statistics.Bic, 2);
    }

    [Fact]
    public void AutoArimaOnFullAirPassengersMatchesPublishedRChoice()
    {
        // R: auto.arima(AirPassengers) = ARIMA(2,1,1)(0,1,0)[12], ar 0.5960 0.2143, ma -0.9819, AICc 1018.17.
        var fit = new AutoArimaForecaster().Fit(ClassicSeries.AirPassengersSeries(), TestContext.Current.CancellationToken);
        Assert.Equal("ARIMA(2,1,1)(0,1,0)[12]", fit.Description);
        Assert.Equal(0.5960, fit.Parameters["ar1"], 3);
        Assert.Equal(0.2143, fit.Parameters["ar2"], 3);
        Assert.Equal(-0.9819, fit.Parameters["ma1"], 3);
        Assert.Equal(1018.17, fit.Statistics.Aicc, 2);
    }

    [Fact]
    public void Ar1CoefficientIsRecoveredFromALongSimulation()
    {
        var values = SimulatedSeries.Arima(2000, seed: 7, ar: 0.6, ma: 0, d: 0);
        var fit = new ArimaForecaster(new ArimaOrder(1, 0, 0)).Fit(SimulatedSeries.Series(values, Frequency.Daily), TestContext.Current.CancellationToken);
        Assert.InRange(fit.Parameters["ar1"], 0.55, 0.65);
        Assert.InRange(fit.Parameters["intercept"], 9.8, 10.2);
        Assert.InRange(fit.Statistics.Sigma2, 0.9, 1.1);
    }

    [Fact]
    public void WhiteNoiseLogLikelihoodHasTheClosedForm()
    {
        // For ARIMA(0,0,0) with a mean, ML gives the sample mean and variance Σ(y-ȳ)²/n, so
        // loglik = -n/2 (log(2π σ̂²) + 1).
        var values = SimulatedSeries.Normal(200, seed: 3, sd: 2).Select(v => v + 5).ToArray();
        var fit = new ArimaForecaster(new ArimaOrder(0, 0, 0)).Fit(SimulatedSeries.Series(values, Frequency.Daily), TestContext.Current.CancellationToken);
        var mean = values.Average();
        var variance = values.Sum(v => (v - mean) * (v - mean)) / values.Length;
        var expected = -values.Length / 2.0 * (Math.Log(2 * Math.PI * variance) + 1);
        Assert.Equal(mean, fit.Parameters["intercept"], 4);
        Assert.Equal(expected, fit.Statistics.LogLikelihood, 4);
        Assert.Equal(-2 * expected + 4, fit.Statistics.Aic, 4);
    }

    [Fact]
    public void RandomWalkForecastIsTheLastValueWithVarianceGrowingLinearly()
    {
        var values = SimulatedSeries.Arima(150, seed: 11, ar: 0, ma: 0, d: 1);
        var fit = new ArimaForecaster(new ArimaOrder(0, 1, 0)).Fit(SimulatedSeries.Series(values, Frequency.Daily), TestContext.Current.CancellationToken);
        var forecast = fit.Predict(new ForecastRequest(4, [95]));
        var steps = values.Skip(1).Select((v, i) => v - values[i]).ToArray();
        var sigma2 = steps.Sum(s => s * s) / steps.Length;
        Assert.Equal(-steps.Length / 2.0 * (Math.Log(2 * Math.PI * sigma2) + 1), fit.Statistics.LogLikelihood, 6);
        for (var h = 0; h < 4; h++)
        {
            Assert.Equal(values[^1], forecast.Mean[h], 9);
            var halfWidth = forecast.Intervals[0].Upper[h] - forecast.Mean[h];
            Assert.Equal(1.959963984540054 * Math.Sqrt(fit.Statistics.Sigma2 * (h + 1)), halfWidth, 9);
        }
    }

    [Fact]
    public void ExogenousRegressionCoefficientIsRecovered()
    {
        var noise = SimulatedSeries.Arima(300, seed: 5, ar: 0.5, ma: 0, d: 0, level: 0);
        var driver = SimulatedSeries.Normal(300, seed: 9, sd: 3);
        var values = noise.Select((e, t) => 2 + (3 * driver[t]) + e).ToArray();
        var series = SimulatedSeries.Series(values, Frequency.Daily, exogenous: new Dictionary<string, double[]> { ["temperature"] = driver });
        var fit = new ArimaForecaster(new ArimaOrder(1, 0, 0)).Fit(series, TestContext.Current.CancellationToken);
        Assert.InRange(fit.Parameters["temperature"], 2.95, 3.05);
        Assert.InRange(fit.Parameters["ar1"], 0.4, 0.6);
        Assert.StartsWith("Regression with ARIMA(1,0,0)", fit.Description);

        var forecast = fit.Predict(new ForecastRequest(3, FutureExogenous: new Dictionary<string, double[]> { ["temperature"] = [1, 2, 3] }));
        Assert.InRange(forecast.Mean[2] - forecast.Mean[1], 2.5, 3.5);
    }

    [Fact]
    public void StandardNormalQuantilesMatchRQnorm()
    {
        Assert.Equal(1.2815515655446004, StandardNormal.Quantile(0.9), 13);
        Assert.Equal(1.959963984540054, StandardNormal.Quantile(0.975), 13);
        Assert.Equal(-2.5758293035489004, StandardNormal.Quantile(0.005), 12);
        Assert.Equal(3.090232306167813, StandardNormal.Quantile(0.999), 11);
    }
}
