using Prognos.Learning.Forecasting;
using Prognos.Learning.Forecasting.Baselines;
using Prognos.Learning.Forecasting.Ensembles;
using Xunit;

namespace Prognos.Learning.Tests.Forecasting.Ensembles;

public sealed class EnsembleForecasterTests
{
    private static readonly TimeSeries Series = SyntheticSeries.Of([1, 2, 4, 7, 11, 16, 22, 29]);

    [Fact]
    public void Equal_weights_average_the_members()
    {
        var request = new ForecastRequest(3);
        var naive = new BaselineForecaster(BaselineMethod.Naive);
        var drift = new BaselineForecaster(BaselineMethod.Drift);
        var ensemble = new EnsembleForecaster([naive, drift]).Fit(Series, TestContext.Current.CancellationToken).Predict(request);
        var a = naive.Fit(Series, TestContext.Current.CancellationToken).Predict(request);
        var b = drift.Fit(Series, TestContext.Current.CancellationToken).Predict(request);

        Assert.Equal(a.Mean.Select((m, i) => 0.5 * m + 0.5 * b.Mean[i]), ensemble.Mean);
        Assert.Equal(0.5 * a.Intervals[1].Upper[2] + 0.5 * b.Intervals[1].Upper[2], ensemble.Intervals[1].Upper[2], 12);
    }

    [Fact]
    public void Inverse_error_weighting_keeps_the_top_k_and_favours_the_accurate_member()
    {
        var fitted = new EnsembleForecaster(
            [new BaselineForecaster(BaselineMethod.Mean), new BaselineForecaster(BaselineMethod.Drift), new BaselineForecaster(BaselineMethod.Naive)],
            EnsembleWeighting.InverseCrossValidationError,
            topK: 2,
            folds: 2).Fit(Series, TestContext.Current.CancellationToken);

        Assert.Equal(2, fitted.Parameters.Count);
        Assert.DoesNotContain(fitted.Parameters.Keys, k => k.EndsWith(".mean", StringComparison.Ordinal));
        var drift = fitted.Parameters.Single(p => p.Key.EndsWith(".drift", StringComparison.Ordinal)).Value;
        Assert.True(drift > 0.5, $"drift weight {drift}");
        Assert.Equal(1.0, fitted.Parameters.Values.Sum(), 12);
    }
}
