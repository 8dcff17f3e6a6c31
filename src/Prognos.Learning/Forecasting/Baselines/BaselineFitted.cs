using System.Text.Json.Nodes;

namespace Prognos.Learning.Forecasting.Baselines;

internal sealed class BaselineFitted(
    FittedSummary summary,
    BaselineMethod method,
    double[] history,
    double sigma,
    double slope,
    double slopeError,
    int trainingLength) : FittedForecaster(summary)
{
    public const string KindName = "baseline";

    protected override string Kind => KindName;

    public static BaselineFitted Load(JsonObject state) => new(
        ReadSummary(state),
        Enum.Parse<BaselineMethod>(ModelJson.String(state, "method")),
        ModelJson.Doubles(state, "history"),
        ModelJson.Double(state, "sigma"),
        ModelJson.Double(state, "slope"),
        ModelJson.Double(state, "slopeError"),
        ModelJson.Int(state, "n"));

    protected override void WriteState(JsonObject state)
    {
        state["method"] = method.ToString();
        state["history"] = ModelJson.Array(history);
        state["sigma"] = ModelJson.Number(sigma);
        state["slope"] = ModelJson.Number(slope);
        state["slopeError"] = ModelJson.Number(slopeError);
        state["n"] = trainingLength;
    }

    protected override Forecast PredictCore(ForecastRequest request)
    {
        var horizon = request.Horizon;
        var mean = new double[horizon];
        var sd = new double[horizon];
        var lag = history.Length;
        for (var h = 1; h <= horizon; h++)
        {
            switch (method)
            {
                case BaselineMethod.Mean:
                    mean[h - 1] = history[0];
                    sd[h - 1] = sigma * Math.Sqrt(1 + 1.0 / trainingLength);
                    break;
                case BaselineMethod.Drift:
                    mean[h - 1] = history[^1] + h * slope;
                    sd[h - 1] = Math.Sqrt(sigma * sigma * h + (h * slopeError) * (h * slopeError));
                    break;
                default:
                    mean[h - 1] = history[(h - 1) % lag];
                    sd[h - 1] = sigma * Math.Sqrt(((h - 1) / lag) + 1);
                    break;
            }
        }

        if (method != BaselineMethod.Mean)
        {
            return NormalForecast(mean, sd, request);
        }

        // meanf uses Student-t quantiles with n - 1 degrees of freedom.
        var intervals = new List<PredictionInterval>();
        foreach (var level in request.EffectiveLevels)
        {
            var q = trainingLength > 1 ? Quantiles.StudentT(0.5 + level / 200.0, trainingLength - 1) : Quantiles.Normal(0.5 + level / 200.0);
            intervals.Add(new PredictionInterval(level, mean.Select((m, i) => m - q * sd[i]).ToArray(), mean.Select((m, i) => m + q * sd[i]).ToArray()));
        }

        return new Forecast(FutureTimestamps(horizon), mean, intervals);
    }
}
