using System.Text.Json.Nodes;

namespace Prognos.Learning.Forecasting;

/// <summary>
/// The shared half of every fitted model: the reported summary, request validation and the save envelope.
/// A model adds its own state (<see cref="WriteState"/>) and its forecast (<see cref="PredictCore"/>).
/// </summary>
internal abstract class FittedForecaster(FittedSummary summary) : IFittedForecaster
{
    public FittedSummary Summary { get; } = summary;

    public string Name => Summary.Name;

    public string Description => Summary.Description;

    public IReadOnlyDictionary<string, double> Parameters => Summary.Parameters;

    public FitStatistics Statistics => Summary.Statistics;

    public double[] Fitted => Summary.Fitted;

    public DateTime LastTimestamp => Summary.LastTimestamp;

    public Frequency Frequency => Summary.Frequency;

    /// <summary>The kind this model is saved and registered under.</summary>
    protected abstract string Kind { get; }

    public Forecast Predict(ForecastRequest request)
    {
        SeriesValidation.RequireHorizon(request);
        return PredictCore(request);
    }

    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ForecastModelFormat.Write(stream, Kind, ToState());
    }

    /// <summary>The full saved state (summary plus the model's own), also used when a model is nested in an ensemble.</summary>
    public JsonObject ToState()
    {
        var state = new JsonObject { ["summary"] = Summary.ToJson() };
        WriteState(state);
        return state;
    }

    protected static FittedSummary ReadSummary(JsonObject state) => FittedSummary.FromJson(ModelJson.Object(state, "summary"));

    protected abstract void WriteState(JsonObject state);

    protected abstract Forecast PredictCore(ForecastRequest request);

    /// <summary>The <paramref name="horizon"/> timestamps following the training data.</summary>
    protected DateTime[] FutureTimestamps(int horizon)
    {
        var timestamps = new DateTime[horizon];
        for (var h = 0; h < horizon; h++)
        {
            timestamps[h] = Frequency.Advance(LastTimestamp, h + 1);
        }

        return timestamps;
    }

    /// <summary>A forecast whose intervals are mean ± z·sd with normal quantiles.</summary>
    protected Forecast NormalForecast(double[] mean, double[] standardDeviation, ForecastRequest request)
    {
        var intervals = new List<PredictionInterval>(request.EffectiveLevels.Count);
        foreach (var level in request.EffectiveLevels)
        {
            var z = Quantiles.Normal(0.5 + level / 200.0);
            var lower = new double[mean.Length];
            var upper = new double[mean.Length];
            for (var h = 0; h < mean.Length; h++)
            {
                lower[h] = mean[h] - z * standardDeviation[h];
                upper[h] = mean[h] + z * standardDeviation[h];
            }

            intervals.Add(new PredictionInterval(level, lower, upper));
        }

        return new Forecast(FutureTimestamps(mean.Length), mean, intervals);
    }
}
