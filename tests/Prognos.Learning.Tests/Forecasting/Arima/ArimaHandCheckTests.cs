using Prognos.Learning.Forecasting;
using Prognos.Learning.Forecasting.Arima;
using Xunit;

namespace Prognos.Learning.Tests.Forecasting.Arima;

public sealed class ArimaHandCheckTests
{
    [Fact]
    public void AirlineModelOnLogAirPassengersMatchesPublishedRFit()
    {
        // R: Arima(log(AirPassengers), order=c(0,1,1), seasonal=c(0,1,1)) gives ma1 -0.4018, sma1 -0.5569, loglik 244.70.
        var fit = new ArimaForecaster(new ArimaOrder(0, 1, 1, 0, 1, 1, 12)).Fit(ClassicSeries.AirPassengersSeries(log: true), TestContext.Current.CancellationToken);
        Assert.Equal(-0.4018, fit.Parameters["ma1"], 3);
        Assert.Equal(-0.5569, fit.Parameters["sma1"], 3);
        Assert.Equal(244.70, fit.Statistics.LogLikelihood, 1);
        Assert.Equal(-483.4, fit.Statistics.Aic, 1);
    }
}
