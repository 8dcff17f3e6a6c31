using System.Text.Json.Nodes;

namespace Prognos.Learning.Forecasting.Intermittent;

internal sealed class IntermittentFitted(FittedSummary summary, double forecast, double sigma2, double alpha) : FittedForecaster(summary)
{
    public const string KindName = "intermittent";

    protected override string Kind => KindName;

    public static IntermittentFitted Load(JsonObject state) => new(
        ReadSummary(state),
        ModelJson.Double(state, "forecast"),
        ModelJson.Double(state, "sigma2"),
        ModelJson.Double(state, "alpha"));

    protected override void WriteState(JsonObject state)
    {
        state["forecast"] = ModelJson.Number(forecast);
        state["sigma2"] = ModelJson.Number(sigma2);
        state["alpha"] = ModelJson.Number(alpha);
    }

    protected override Forecast PredictCore(ForecastRequest request)
    {
        var horizon = request.Horizon;
        var mean = new double[horizon];
        var sd = new double[horizon];
        for (var h = 0; h < horizon; h++)
        {
            mean[h] = forecast;
            sd[h] = Math.Sqrt(sigma2 * (1 + h * alpha * alpha));
        }

        var normal = NormalForecast(mean, sd, request);

        // Demand cannot be negative.
        var clipped = normal.Intervals.Select(i => i with { Lower = i.Lower.Select(v => Math.Max(0, v)).ToArray() }).ToList();
        return normal with { Intervals = clipped };
    }
}
