using System.Text.Json;
using Prognos.Learning.Forecasting;
using Prognos.Learning.Forecasting.StateSpace;
using Xunit;

namespace Prognos.Learning.Tests.Forecasting.StateSpace;

/// <summary>
/// Against statsmodels 0.13 UnobservedComponents on AirPassengers' first 132 months (fixture from
/// tools/reference/ucm_statsmodels.py): approximate diffuse prior 10⁶, log-likelihood burn = number of states.
/// </summary>
public sealed class StructuralFidelityTests
{
    private static readonly JsonElement Fixture = ReferenceFixture.Load("statsmodels_ucm.json");

    public static TheoryData<string> Models => new() { "local_linear_trend", "local_level_seasonal12", "local_linear_trend_seasonal12" };

    private static TimeSeries Training() =>
        SyntheticSeries.Of(Fixture.GetProperty("series").Doubles("train"));

    private static StructuralForecaster Spec(string key) => key switch
    {
        "local_linear_trend" => new StructuralForecaster(StructuralTrend.LocalLinearTrend),
        "local_level_seasonal12" => new StructuralForecaster(StructuralTrend.LocalLevel, seasonal: true),
        _ => new StructuralForecaster(StructuralTrend.LocalLinearTrend, seasonal: true),
    };

    [Theory]
    [MemberData(nameof(Models))]
    public void Filter_at_statsmodels_parameters_reproduces_its_likelihood_and_forecasts(string key)
    {
        var model = Fixture.GetProperty("models").GetProperty(key);
        var variances = model.GetProperty("param_names").EnumerateArray()
            .Select(name => model.GetProperty("params").GetProperty(name.GetString()!).GetDouble()).ToArray();
        var fitted = Spec(key).FitWithParameters(Training(), variances);
        var forecast = fitted.Predict(new ForecastRequest(24, [95]));

        Assert.InRange(fitted.Statistics.LogLikelihood - model.Number("llf"), -0.01, 0.01);
        var expected = model.GetProperty("forecast");
        Assert.InRange(ReferenceFixture.MaxRelativeDifference(forecast.Mean, expected.Doubles("point")), 0, 0.001);
        var se = forecast.Intervals[0].Upper.Select((u, i) => (u - forecast.Mean[i]) / 1.959963984540054).ToArray();
        Assert.InRange(ReferenceFixture.MaxRelativeDifference(se, expected.Doubles("se")), 0, 0.001);
        Assert.Equal(model.Number("aic"), fitted.Statistics.Aic, 0.02);
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Maximum_likelihood_reaches_the_best_optimum_statsmodels_found(string key)
    {
        var model = Fixture.GetProperty("models").GetProperty(key);
        var fitted = Spec(key).Fit(Training(), TestContext.Current.CancellationToken);

        // statsmodels' default BFGS stops in a poorer local optimum for the plain local linear trend (its own
        // L-BFGS and Nelder–Mead cross-checks find the better one), so the target is the best likelihood found.
        Assert.InRange(fitted.Statistics.LogLikelihood - model.Number("best_llf_found"), -0.01, 0.01);
        if (model.GetProperty("bfgs_is_best_found").GetBoolean())
        {
            var forecast = fitted.Predict(new ForecastRequest(24));
            Assert.InRange(ReferenceFixture.MaxRelativeDifference(forecast.Mean, model.GetProperty("forecast").Doubles("point")), 0, 0.001);
        }
    }
}
