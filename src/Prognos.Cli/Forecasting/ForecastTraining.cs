using System.Diagnostics;
using Prognos.Learning.Forecasting;
using Prognos.Learning.Forecasting.Evaluation;

namespace Prognos.Cli.Forecasting;

/// <summary>
/// Scores one forecaster on many series: rolling-origin cross-validation for the metrics, then a refit on the whole
/// series for the saved model and its forecast. Series run in parallel; a series that does not suit the model fails
/// alone.
/// </summary>
internal sealed class ForecastTraining(int horizon, int folds, int step, IReadOnlyList<double> levels)
{
    public int Horizon => horizon;

    public int Folds => folds;

    public int Step => step;

    public IReadOnlyList<SeriesOutcome> Run(IReadOnlyList<TimeSeries> series, IForecaster forecaster, CancellationToken cancellationToken)
    {
        var outcomes = new SeriesOutcome[series.Count];
        var options = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount };
        Parallel.For(0, series.Count, options, i => outcomes[i] = RunOne(series[i], forecaster, cancellationToken));
        return outcomes;
    }

    private SeriesOutcome RunOne(TimeSeries series, IForecaster forecaster, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            var validation = new RollingOriginCrossValidator(folds, horizon, step).Run(series, forecaster, cancellationToken);
            var scores = ForecastScores.Average(validation.Folds
                .Select(f => ForecastScores.Of(f.Actuals, f.Forecast.Mean, f.Forecast.Intervals, series.Values[..f.TrainingLength], series.SeasonalPeriod))
                .ToList());
            var model = forecaster.Fit(series, cancellationToken);
            var forecast = model.Predict(new ForecastRequest(horizon, levels));
            if (forecast.Intervals.Count == 0)
            {
                // A model without analytic intervals gets conformal ones from its own cross-validation errors.
                forecast = ConformalIntervals.Apply(forecast, validation, levels);
            }

            return new SeriesOutcome(series, model, forecast, scores, clock.Elapsed.TotalSeconds, null);
        }
        catch (ForecastingException ex)
        {
            return new SeriesOutcome(series, null, null, null, clock.Elapsed.TotalSeconds, ex.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            // A bug in one model must not sink the other models' runs; it is reported as this model's failure.
            return new SeriesOutcome(series, null, null, null, clock.Elapsed.TotalSeconds,
                $"internal error in {forecaster.Name} ({ex.GetType().Name}: {ex.Message}); this is a bug in Prognos, please report it");
        }
    }
}
