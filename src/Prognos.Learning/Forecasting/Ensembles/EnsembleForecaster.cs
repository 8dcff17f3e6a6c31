using Prognos.Learning.Forecasting.Evaluation;

namespace Prognos.Learning.Forecasting.Ensembles;

/// <summary>
/// Combines several forecasters: the mean of their forecasts, or a weighted mean of the top k by inverse
/// rolling-origin cross-validation MAE. Intervals are the same weighted mean of the members' bounds.
/// </summary>
public sealed class EnsembleForecaster : IForecaster
{
    public EnsembleForecaster(IReadOnlyList<IForecaster> members, EnsembleWeighting weighting = EnsembleWeighting.Equal, int topK = 3, int folds = 3)
    {
        ArgumentNullException.ThrowIfNull(members);
        if (members.Count == 0)
        {
            throw new ForecastingException("An ensemble needs at least one member forecaster.");
        }

        Members = members;
        Weighting = weighting;
        TopK = Math.Max(1, topK);
        CrossValidationFolds = Math.Max(1, folds);
    }

    public IReadOnlyList<IForecaster> Members { get; }

    public EnsembleWeighting Weighting { get; }

    public int TopK { get; }

    public int CrossValidationFolds { get; }

    public string Name => "ensemble";

    public IFittedForecaster Fit(TimeSeries series, CancellationToken cancellationToken = default)
    {
        SeriesValidation.RequireFitInput(series, 2, Name);
        var scores = new List<(IForecaster Member, double Weight)>();
        var reasons = new List<string>();
        if (Weighting == EnsembleWeighting.Equal)
        {
            scores.AddRange(Members.Select(m => (m, 1.0)));
        }
        else
        {
            var horizon = Math.Max(1, Math.Min(series.SeasonalPeriod, series.Length / 5));
            var validator = new RollingOriginCrossValidator(CrossValidationFolds, horizon, Math.Max(1, horizon / 2));
            foreach (var member in Members)
            {
                try
                {
                    var mae = validator.Run(series, member, cancellationToken).Mean((a, f) => ForecastMetrics.Mae(a, f));
                    scores.Add((member, 1 / Math.Max(mae, 1e-12)));
                }
                catch (ForecastingException e)
                {
                    reasons.Add($"{member.Name}: {e.Message}");
                }
            }

            scores = scores.OrderByDescending(s => s.Weight).Take(TopK).ToList();
        }

        var fitted = new List<IFittedForecaster>();
        var weights = new List<double>();
        foreach (var (member, weight) in scores)
        {
            try
            {
                fitted.Add(member.Fit(series, cancellationToken));
                weights.Add(weight);
            }
            catch (ForecastingException e)
            {
                reasons.Add($"{member.Name}: {e.Message}");
            }
        }

        if (fitted.Count == 0)
        {
            throw new ForecastingException($"No ensemble member could be fitted ({string.Join("; ", reasons)}).");
        }

        var total = weights.Sum();
        var normalised = weights.Select(w => w / total).ToArray();
        var inSample = new double[series.Length];
        for (var t = 0; t < inSample.Length; t++)
        {
            inSample[t] = fitted.Select((f, i) => normalised[i] * f.Fitted[t]).Sum();
        }

        var parameters = fitted.Select((f, i) => (Key: $"weight.{i}.{f.Name}", Value: normalised[i])).ToDictionary(p => p.Key, p => p.Value);
        var summary = new FittedSummary(
            Name,
            "Ensemble of " + string.Join(", ", fitted.Select((f, i) => $"{f.Description} ({normalised[i]:P0})")),
            parameters,
            FitStatistics.None,
            inSample,
            series.Timestamps[^1],
            series.Frequency);
        return new EnsembleFitted(summary, fitted, normalised);
    }
}
