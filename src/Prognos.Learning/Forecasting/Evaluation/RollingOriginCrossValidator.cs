namespace Prognos.Learning.Forecasting.Evaluation;

/// <summary>
/// Rolling-origin (time-series) cross-validation: the last fold's forecast ends at the end of the series, and each
/// earlier fold's origin is <see cref="Step"/> periods before the next one's.
/// </summary>
public sealed class RollingOriginCrossValidator
{
    public RollingOriginCrossValidator(int folds, int horizon, int step = 1)
    {
        if (folds < 1 || horizon < 1 || step < 1)
        {
            throw new ForecastingException($"Cross-validation needs folds, horizon and step of at least 1 (got {folds}, {horizon}, {step}).");
        }

        Folds = folds;
        Horizon = horizon;
        Step = step;
    }

    public int Folds { get; }

    public int Horizon { get; }

    public int Step { get; }

    public CrossValidationResult Run(TimeSeries series, IForecaster forecaster, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(forecaster);
        var firstTraining = series.Length - Horizon - (Folds - 1) * Step;
        if (firstTraining < 2)
        {
            throw new ForecastingException(
                $"{Folds} folds of horizon {Horizon} with step {Step} need more than {series.Length} observations; use fewer folds or a shorter horizon.");
        }

        var folds = new List<CrossValidationFold>(Folds);
        for (var fold = 0; fold < Folds; fold++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var length = firstTraining + fold * Step;
            var training = Slice(series, 0, length);
            var fitted = forecaster.Fit(training, cancellationToken);
            var future = series.Exogenous?.ToDictionary(kv => kv.Key, kv => kv.Value[length..(length + Horizon)]);
            var forecast = fitted.Predict(new ForecastRequest(Horizon, FutureExogenous: future));
            folds.Add(new CrossValidationFold(length, forecast, series.Values[length..(length + Horizon)]));
        }

        return new CrossValidationResult(forecaster.Name, Horizon, folds);
    }

    /// <summary>The values (and exogenous columns) from <paramref name="start"/> for <paramref name="length"/> periods.</summary>
    internal static TimeSeries Slice(TimeSeries series, int start, int length) => series with
    {
        Timestamps = series.Timestamps.Skip(start).Take(length).ToArray(),
        Values = series.Values[start..(start + length)],
        Exogenous = series.Exogenous?.ToDictionary(kv => kv.Key, kv => kv.Value[start..(start + length)]),
    };
}
