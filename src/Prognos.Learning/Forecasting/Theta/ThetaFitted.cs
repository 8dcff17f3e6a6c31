using System.Text.Json.Nodes;

namespace Prognos.Learning.Forecasting.Theta;

/// <summary>A fitted Theta model: a straight-line forecast on the adjusted scale, reseasonalised, with thetaf's intervals.</summary>
internal sealed class ThetaFitted(
    FittedSummary summary,
    double intercept,
    double slope,
    double alpha,
    double sigma2,
    double[] seasonalFigure,
    int nextPosition) : FittedForecaster(summary)
{
    public const string KindName = "theta";

    protected override string Kind => KindName;

    public static ThetaFitted Load(JsonObject state) => new(
        ReadSummary(state),
        ModelJson.Double(state, "intercept"),
        ModelJson.Double(state, "slope"),
        ModelJson.Double(state, "alpha"),
        ModelJson.Double(state, "sigma2"),
        ModelJson.Doubles(state, "figure"),
        ModelJson.Int(state, "nextPosition"));

    protected override void WriteState(JsonObject state)
    {
        state["intercept"] = ModelJson.Number(intercept);
        state["slope"] = ModelJson.Number(slope);
        state["alpha"] = ModelJson.Number(alpha);
        state["sigma2"] = ModelJson.Number(sigma2);
        state["figure"] = ModelJson.Array(seasonalFigure);
        state["nextPosition"] = nextPosition;
    }

    protected override Forecast PredictCore(ForecastRequest request)
    {
        var horizon = request.Horizon;
        var mean = new double[horizon];
        var sd = new double[horizon];
        for (var h = 0; h < horizon; h++)
        {
            mean[h] = (intercept + slope * h) * seasonalFigure[(nextPosition + h) % seasonalFigure.Length];

            // thetaf: se_h = σ·sqrt(1 + (h−1)α²), on the adjusted scale.
            sd[h] = Math.Sqrt(sigma2 * (1 + h * alpha * alpha));
        }

        return NormalForecast(mean, sd, request);
    }
}
