using Prognos.Learning.Forecasting;
using Prognos.Learning.Forecasting.Evaluation;
using Xunit;

namespace Prognos.Learning.Tests.Forecasting.Evaluation;

public sealed class ForecastMetricsTests
{
    private static readonly double[] Actual = [1, 2, 3];
    private static readonly double[] Predicted = [2, 2, 5];

    [Fact]
    public void Point_metrics_match_hand_computed_values()
    {
        Assert.Equal(1.0, ForecastMetrics.Mae(Actual, Predicted), 12);
        Assert.Equal(Math.Sqrt(5.0 / 3), ForecastMetrics.Rmse(Actual, Predicted), 12);
        Assert.Equal(100 * (1 + 0 + 2.0 / 3) / 3, ForecastMetrics.Mape(Actual, Predicted), 12);
        Assert.Equal((200.0 / 3 + 0 + 50) / 3, ForecastMetrics.Smape(Actual, Predicted), 12);
    }

    [Fact]
    public void Nrmse_divides_by_the_training_range() =>
        Assert.Equal(Math.Sqrt(5.0 / 3) / 10, ForecastMetrics.Nrmse(Actual, Predicted, [0, 4, 10, 3]), 12);

    [Fact]
    public void Mase_scales_by_the_in_sample_naive_error()
    {
        Assert.Equal(3.0 / 7, ForecastMetrics.Mase(Actual, Predicted, [1, 3, 2, 6], 1), 12);

        // Seasonal lag 2: |2−1| + |6−3| over 2 = 2.
        Assert.Equal(0.5, ForecastMetrics.Mase(Actual, Predicted, [1, 3, 2, 6], 2), 12);
    }

    [Fact]
    public void Coverage_counts_actuals_inside_the_interval() =>
        Assert.Equal(1.0 / 3, ForecastMetrics.Coverage(Actual, [0, 2.5, 4], [2, 3, 6]), 12);

    [Fact]
    public void Mape_is_undefined_with_zero_actuals() =>
        Assert.True(double.IsNaN(ForecastMetrics.Mape([0, 1], [1, 1])));

    [Fact]
    public void Lengths_must_agree() =>
        Assert.Throws<ForecastingException>(() => ForecastMetrics.Mae([1, 2], [1]));
}
