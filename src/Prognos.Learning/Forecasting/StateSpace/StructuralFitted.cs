using System.Text.Json.Nodes;

namespace Prognos.Learning.Forecasting.StateSpace;

/// <summary>A fitted structural model: the filtered state after the data forecasts forward with its covariance.</summary>
internal sealed class StructuralFitted(
    FittedSummary summary,
    StructuralTrend trend,
    int seasonalPeriod,
    double[] variances,
    double[] state,
    double[] covariance,
    string[] exogenousNames,
    double[] coefficients) : FittedForecaster(summary)
{
    public const string KindName = "structural";

    protected override string Kind => KindName;

    public static StructuralFitted Load(JsonObject state) => new(
        ReadSummary(state),
        Enum.Parse<StructuralTrend>(ModelJson.String(state, "trend")),
        ModelJson.Int(state, "period"),
        ModelJson.Doubles(state, "variances"),
        ModelJson.Doubles(state, "state"),
        ModelJson.Doubles(state, "covariance"),
        state["exogenous"]!.AsArray().Select(n => n!.GetValue<string>()).ToArray(),
        ModelJson.Doubles(state, "coefficients"));

    protected override void WriteState(JsonObject node)
    {
        node["trend"] = trend.ToString();
        node["period"] = seasonalPeriod;
        node["variances"] = ModelJson.Array(variances);
        node["state"] = ModelJson.Array(state);
        node["covariance"] = ModelJson.Array(covariance);
        node["exogenous"] = new JsonArray(exogenousNames.Select(n => (JsonNode)JsonValue.Create(n)!).ToArray());
        node["coefficients"] = ModelJson.Array(coefficients);
    }

    protected override Forecast PredictCore(ForecastRequest request)
    {
        var horizon = request.Horizon;
        var future = new double[exogenousNames.Length][];
        for (var j = 0; j < exogenousNames.Length; j++)
        {
            if (request.FutureExogenous is null || !request.FutureExogenous.TryGetValue(exogenousNames[j], out var column) || column.Length < horizon)
            {
                throw new ForecastingException(
                    $"The model regresses on '{exogenousNames[j]}'; pass its {horizon} future values in ForecastRequest.FutureExogenous.");
            }

            future[j] = column;
        }

        var model = new StructuralModel(trend, seasonalPeriod);
        var k = model.StateCount;
        var t = model.Transition;
        var z = model.Design;
        var noise = new double[k];
        model.StateNoise(variances, noise);
        var a = (double[])state.Clone();
        var p = (double[])covariance.Clone();
        var next = new double[k];
        var temp = new double[k * k];
        var mean = new double[horizon];
        var sd = new double[horizon];
        for (var h = 0; h < horizon; h++)
        {
            var m = 0.0;
            var v = variances[0];
            for (var i = 0; i < k; i++)
            {
                m += z[i] * a[i];
                for (var j = 0; j < k; j++)
                {
                    v += z[i] * p[i * k + j] * z[j];
                }
            }

            for (var j = 0; j < future.Length; j++)
            {
                m += coefficients[j] * future[j][h];
            }

            mean[h] = m;
            sd[h] = Math.Sqrt(Math.Max(0, v));

            // a ← T a; P ← T P T' + Q.
            for (var i = 0; i < k; i++)
            {
                var sum = 0.0;
                for (var j = 0; j < k; j++)
                {
                    sum += t[i * k + j] * a[j];
                }

                next[i] = sum;
            }

            next.CopyTo(a, 0);
            for (var i = 0; i < k; i++)
            {
                for (var j = 0; j < k; j++)
                {
                    var sum = 0.0;
                    for (var l = 0; l < k; l++)
                    {
                        sum += t[i * k + l] * p[l * k + j];
                    }

                    temp[i * k + j] = sum;
                }
            }

            for (var i = 0; i < k; i++)
            {
                for (var j = 0; j < k; j++)
                {
                    var sum = 0.0;
                    for (var l = 0; l < k; l++)
                    {
                        sum += temp[i * k + l] * t[j * k + l];
                    }

                    p[i * k + j] = sum + (i == j ? noise[i] : 0);
                }
            }
        }

        return NormalForecast(mean, sd, request);
    }
}
