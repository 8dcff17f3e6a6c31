namespace Prognos.Learning.Forecasting.Evaluation;

/// <summary>
/// Split-conformal prediction intervals from cross-validation errors, for models without analytic intervals: at each
/// horizon step the half-width is the finite-sample-corrected quantile of the absolute fold errors at that step,
/// made non-decreasing in the horizon.
/// </summary>
public static class ConformalIntervals
{
    public static Forecast Apply(Forecast forecast, CrossValidationResult crossValidation, IReadOnlyList<double>? levels = null)
    {
        ArgumentNullException.ThrowIfNull(forecast);
        ArgumentNullException.ThrowIfNull(crossValidation);
        levels ??= ForecastRequest.DefaultLevels;
        if (crossValidation.Folds.Count == 0)
        {
            throw new ForecastingException("Conformal intervals need at least one cross-validation fold.");
        }

        var intervals = new List<PredictionInterval>();
        foreach (var level in levels)
        {
            var lower = new double[forecast.Horizon];
            var upper = new double[forecast.Horizon];
            var width = 0.0;
            for (var h = 0; h < forecast.Horizon; h++)
            {
                // Beyond the validated horizon, reuse the widest step seen.
                var step = Math.Min(h, crossValidation.Horizon - 1);
                var errors = crossValidation.Folds.Select(f => Math.Abs(f.Actuals[step] - f.Forecast.Mean[step])).ToArray();
                var n = errors.Length;
                var p = Math.Min(1.0, Math.Ceiling((n + 1) * level / 100.0) / n);
                width = Math.Max(width, Quantiles.Empirical(errors, p));
                lower[h] = forecast.Mean[h] - width;
                upper[h] = forecast.Mean[h] + width;
            }

            intervals.Add(new PredictionInterval(level, lower, upper));
        }

        return forecast with { Intervals = intervals };
    }
}
