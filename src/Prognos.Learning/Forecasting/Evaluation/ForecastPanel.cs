namespace Prognos.Learning.Forecasting.Evaluation;

/// <summary>Fits one forecaster to many series in parallel (one series per task, all cores by default).</summary>
public static class ForecastPanel
{
    /// <summary>
    /// Fits every series; results keep the input order. A series that does not suit the model gets its error message
    /// instead of failing the whole panel.
    /// </summary>
    public static IReadOnlyList<PanelFit> FitAll(
        IEnumerable<TimeSeries> series,
        IForecaster forecaster,
        int maxDegreeOfParallelism = -1,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(forecaster);
        var list = series as IReadOnlyList<TimeSeries> ?? series.ToArray();
        var results = new PanelFit[list.Count];
        var options = new ParallelOptions
        {
            MaxDegreeOfParallelism = maxDegreeOfParallelism > 0 ? maxDegreeOfParallelism : Environment.ProcessorCount,
            CancellationToken = cancellationToken,
        };
        Parallel.For(0, list.Count, options, i =>
        {
            try
            {
                results[i] = new PanelFit(i, list[i].SeriesId, forecaster.Fit(list[i], cancellationToken), null);
            }
            catch (ForecastingException e)
            {
                results[i] = new PanelFit(i, list[i].SeriesId, null, e.Message);
            }
        });
        return results;
    }
}
