using System.Text.Json.Nodes;

namespace Prognos.Learning.Forecasting.Ensembles;

/// <summary>A fitted ensemble: its members (saved whole, each in its own format) and their weights.</summary>
internal sealed class EnsembleFitted(FittedSummary summary, IReadOnlyList<IFittedForecaster> members, double[] weights) : FittedForecaster(summary)
{
    public const string KindName = "ensemble";

    protected override string Kind => KindName;

    public static EnsembleFitted Load(JsonObject state)
    {
        var members = new List<IFittedForecaster>();
        foreach (var node in state["members"]?.AsArray() ?? throw new ForecastingException("The ensemble file has no 'members'."))
        {
            using var buffer = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(node!.ToJsonString()));
            members.Add(ForecastModelFormat.Load(buffer));
        }

        return new EnsembleFitted(ReadSummary(state), members, ModelJson.Doubles(state, "weights"));
    }

    protected override void WriteState(JsonObject state)
    {
        var array = new JsonArray();
        foreach (var member in members)
        {
            using var buffer = new MemoryStream();
            member.Save(buffer);
            array.Add(JsonNode.Parse(buffer.ToArray()));
        }

        state["members"] = array;
        state["weights"] = ModelJson.Array(weights);
    }

    protected override Forecast PredictCore(ForecastRequest request)
    {
        var forecasts = members.Select(m => m.Predict(request)).ToArray();
        var horizon = request.Horizon;
        var mean = new double[horizon];
        for (var i = 0; i < forecasts.Length; i++)
        {
            for (var h = 0; h < horizon; h++)
            {
                mean[h] += weights[i] * forecasts[i].Mean[h];
            }
        }

        var intervals = new List<PredictionInterval>();
        foreach (var level in request.EffectiveLevels)
        {
            var lower = new double[horizon];
            var upper = new double[horizon];
            for (var i = 0; i < forecasts.Length; i++)
            {
                var interval = forecasts[i].Intervals.First(x => x.Level == level);
                for (var h = 0; h < horizon; h++)
                {
                    lower[h] += weights[i] * interval.Lower[h];
                    upper[h] += weights[i] * interval.Upper[h];
                }
            }

            intervals.Add(new PredictionInterval(level, lower, upper));
        }

        return new Forecast(FutureTimestamps(horizon), mean, intervals);
    }
}
