using Prognos.Learning.Forecasting;
using Prognos.Learning.Forecasting.Ets;
using Xunit;

namespace Prognos.Learning.Tests.Forecasting.Ets;

public sealed class EtsForecasterTests
{
    [Theory]
    [InlineData(new[] { -0.25, 0, 1 }, true)] // roots ±0.5
    [InlineData(new[] { 0.2, -2.1, 1 }, false)] // roots 2 and 0.1
    [InlineData(new[] { -1.0, 0, 1 }, true)] // unit roots ±1 are allowed, as R allows 1 + 1e-10
    [InlineData(new[] { -1.1, 0, 1 }, false)]
    public void Characteristic_roots_test(double[] coefficients, bool inside) =>
        Assert.Equal(inside, EtsBounds.RootsWithin(coefficients.ToArray(), 1 + 1e-7));

    [Theory]
    [InlineData("ANN", "ETS(A,N,N)")]
    [InlineData("aadn", "ETS(A,Ad,N)")]
    [InlineData("ETS(M,Ad,M)", "ETS(M,Ad,M)")]
    public void Parses_model_codes(string code, string expected) => Assert.Equal(expected, EtsModelType.Parse(code).ToString());

    [Fact]
    public void Bad_model_code_explains_the_grammar()
    {
        var error = Assert.Throws<ForecastingException>(() => EtsModelType.Parse("XYZ"));
        Assert.Contains("error A/M", error.Message);
    }

    [Fact]
    public void Multiplicative_models_are_skipped_for_non_positive_data()
    {
        var values = SyntheticSeries.Monthly(3).Values.Select((v, i) => i == 5 ? 0 : v).ToArray();
        var series = SyntheticSeries.Of(values);
        var fixedError = Assert.Throws<ForecastingException>(() => new EtsForecaster("MAM").Fit(series, TestContext.Current.CancellationToken));
        Assert.Contains("strictly positive", fixedError.Message);

        var auto = (EtsFitted)new EtsForecaster().Fit(series, TestContext.Current.CancellationToken);
        Assert.False(auto.Type.MultiplicativeError);
        Assert.NotEqual(EtsSeason.Multiplicative, auto.Type.Season);
        Assert.Contains(auto.SkippedModels, reason => reason.Contains("zero or negative", StringComparison.Ordinal));
    }

    [Fact]
    public void Short_series_gets_a_non_seasonal_model_and_fixed_seasonal_fails_clearly()
    {
        var series = SyntheticSeries.Of(SyntheticSeries.Monthly(4).Values[..18]);
        var auto = (EtsFitted)new EtsForecaster().Fit(series, TestContext.Current.CancellationToken);
        Assert.False(auto.Type.IsSeasonal);

        var error = Assert.Throws<ForecastingException>(() => new EtsForecaster("ANA").Fit(series, TestContext.Current.CancellationToken));
        Assert.Contains("two seasons", error.Message);
    }

    [Fact]
    public void Constant_series_forecasts_the_constant()
    {
        var fitted = new EtsForecaster().Fit(SyntheticSeries.Of(Enumerable.Repeat(7.0, 30).ToArray()), TestContext.Current.CancellationToken);
        var forecast = fitted.Predict(new ForecastRequest(5));
        Assert.All(forecast.Mean, m => Assert.Equal(7, m, 9));
        Assert.Equal("ETS(A,N,N)", fitted.Description);
    }
}
