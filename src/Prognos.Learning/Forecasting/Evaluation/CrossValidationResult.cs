namespace Prognos.Learning.Forecasting.Evaluation;

/// <summary>All folds of a rolling-origin evaluation of one forecaster on one series.</summary>
public sealed record CrossValidationResult(string Forecaster, int Horizon, IReadOnlyList<CrossValidationFold> Folds)
{
    /// <summary>A metric averaged over the folds, e.g. <c>r.Mean((a, f) => ForecastMetrics.Mae(a, f))</c>.</summary>
    public double Mean(Func<double[], double[], double> metric) => Folds.Average(f => metric(f.Actuals, f.Forecast.Mean));
}
