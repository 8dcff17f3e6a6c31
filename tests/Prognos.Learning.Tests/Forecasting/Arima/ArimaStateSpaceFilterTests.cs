using Prognos.Learning.Forecasting.Arima;
using Xunit;

namespace Prognos.Learning.Tests.Forecasting.Arima;

public sealed class ArimaStateSpaceFilterTests
{
    [Theory]
    [InlineData(new[] { 0.7 }, new double[0], 1 / (1 - 0.49))]
    [InlineData(new[] { 0.5, 0.3 }, new double[0], (1 - 0.3) / ((1 + 0.3) * (((1 - 0.3) * (1 - 0.3)) - 0.25)))]
    [InlineData(new[] { 0.6 }, new[] { 0.4 }, (1 + (2 * 0.6 * 0.4) + 0.16) / (1 - 0.36))]
    [InlineData(new double[0], new[] { 0.5, -0.2 }, 1 + 0.25 + 0.04)]
    public void FirstPredictionVarianceIsTheStationaryVariance(double[] phi, double[] theta, double expected)
    {
        var filter = new ArimaStateSpaceFilter(phi.Length, theta.Length);
        Assert.True(filter.Run(phi, theta, [2.0], Span<double>.Empty, out var sums));
        Assert.Equal(Math.Log(expected), sums.SumLogGain, 12);
        Assert.Equal(4 / expected, sums.SumOfSquares, 12);
    }

    [Fact]
    public void NonStationaryArIsReported()
    {
        var filter = new ArimaStateSpaceFilter(1, 0);
        Assert.False(filter.Run([1.0], [], [1.0, 2.0], Span<double>.Empty, out _));
    }

    [Fact]
    public void LikelihoodEvaluationAllocatesNothing()
    {
        // A seasonal ARMA of the size auto.arima meets: phi and theta of length 14 over 200 points, one value missing.
        var w = SimulatedSeries.Arima(200, seed: 1, ar: 0.4, ma: 0.3, d: 0, level: 0);
        w[50] = double.NaN;
        var phi = new double[14];
        phi[0] = 0.4;
        phi[11] = 0.3;
        phi[12] = -0.12;
        var theta = new double[14];
        theta[0] = 0.3;
        theta[11] = -0.5;
        theta[12] = -0.15;
        var filter = new ArimaStateSpaceFilter(phi.Length, theta.Length);
        filter.Run(phi, theta, w, Span<double>.Empty, out _);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 50; i++)
        {
            filter.Run(phi, theta, w, Span<double>.Empty, out _);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
