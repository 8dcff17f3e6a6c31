using Prognos.Learning.Forecasting;
using Prognos.Learning.Forecasting.Baselines;
using Prognos.Learning.Forecasting.Evaluation;
using Xunit;

namespace Prognos.Learning.Tests.Forecasting.Evaluation;

public sealed class RollingOriginCrossValidatorTests
{
    private static readonly TimeSeries Line = SyntheticSeries.Of(Enumerable.Range(0, 20).Select(t => 2.0 * t).ToArray());

    [Fact]
    public void Folds_end_at_the_end_of_the_series_and_step_back()
    {
        var result = new RollingOriginCrossValidator(folds: 3, horizon: 2, step: 1).Run(Line, new BaselineForecaster(BaselineMethod.Naive), TestContext.Current.CancellationToken);

        Assert.Equal([16, 17, 18], result.Folds.Select(f => f.TrainingLength));
        var last = result.Folds[^1];
        Assert.Equal([36.0, 38.0], last.Actuals);
        Assert.Equal([34.0, 34.0], last.Forecast.Mean);
        Assert.Equal(Line.Timestamps[18], last.Forecast.Timestamps[0]);
        Assert.Equal([2.0, 4.0], last.Errors);
        Assert.Equal(3.0, result.Mean((a, f) => ForecastMetrics.Mae(a, f)), 12);
    }

    [Fact]
    public void Too_many_folds_is_an_error_with_a_fix()
    {
        var error = Assert.Throws<ForecastingException>(() =>
            new RollingOriginCrossValidator(folds: 10, horizon: 5, step: 2).Run(Line, new BaselineForecaster(BaselineMethod.Naive), TestContext.Current.CancellationToken));
        Assert.Contains("fewer folds", error.Message);
    }

    [Fact]
    public void Conformal_intervals_use_fold_errors_and_never_narrow()
    {
        var validator = new RollingOriginCrossValidator(folds: 5, horizon: 3, step: 1);
        var naive = new BaselineForecaster(BaselineMethod.Naive);
        var result = validator.Run(Line, naive, TestContext.Current.CancellationToken);
        var forecast = naive.Fit(Line, TestContext.Current.CancellationToken).Predict(new ForecastRequest(4));

        var conformal = ConformalIntervals.Apply(forecast, result, [80]);

        // On a straight line with slope 2 the naive error at step h is exactly 2h in every fold.
        var interval = conformal.Intervals.Single();
        Assert.Equal([2.0, 4.0, 6.0, 6.0], interval.Upper.Select((u, i) => u - forecast.Mean[i]));
        Assert.Equal(forecast.Mean, conformal.Mean);
    }

    [Fact]
    public void Panel_fits_every_series_in_order_and_reports_failures()
    {
        var good = SyntheticSeries.Monthly(1) with { SeriesId = "a" };
        var bad = SyntheticSeries.Of([1, double.NaN, 3]) with { SeriesId = "b" };
        var results = ForecastPanel.FitAll([good, bad, good with { SeriesId = "c" }], new BaselineForecaster(BaselineMethod.Naive), 2, TestContext.Current.CancellationToken);

        Assert.Equal(["a", "b", "c"], results.Select(r => r.SeriesId));
        Assert.True(results[0].Succeeded && results[2].Succeeded);
        Assert.False(results[1].Succeeded);
        Assert.Contains("position 1", results[1].Error);
    }
}
