using Prognos.Learning.Forecasting;
using Xunit;

namespace Prognos.Learning.Tests.Forecasting;

public sealed class MissingValuesTests
{
    [Fact]
    public void Interpolates_interior_gaps_linearly_and_carries_the_ends()
    {
        double[] values = [double.NaN, 1, double.NaN, double.NaN, 4, double.NaN];
        Assert.Equal([1, 1, 2, 3, 4, 4], MissingValues.Apply(values, MissingValuePolicy.Interpolate));
        Assert.True(double.IsNaN(values[0]), "the input is not modified");
    }

    [Fact]
    public void Fail_policy_names_the_position()
    {
        var error = Assert.Throws<ForecastingException>(() => MissingValues.Apply([1, 2, double.NaN], MissingValuePolicy.Fail));
        Assert.Contains("position 2", error.Message);
        Assert.Contains("interpolate", error.Message);
    }

    [Fact]
    public void Complete_series_is_returned_unchanged()
    {
        double[] values = [1, 2, 3];
        Assert.Same(values, MissingValues.Apply(values, MissingValuePolicy.Fail));
    }

    [Fact]
    public void All_missing_cannot_be_interpolated() =>
        Assert.Throws<ForecastingException>(() => MissingValues.Apply([double.NaN, double.NaN], MissingValuePolicy.Interpolate));
}
