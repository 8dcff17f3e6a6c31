namespace Prognos.Learning.Forecasting.Baselines;

/// <summary>The simple benchmark forecasts of R's forecast package.</summary>
public enum BaselineMethod
{
    /// <summary>Last value carried forward (<c>naive</c>).</summary>
    Naive,

    /// <summary>Value from one season earlier (<c>snaive</c>).</summary>
    SeasonalNaive,

    /// <summary>Last value plus the average change (<c>rwf(drift = TRUE)</c>).</summary>
    Drift,

    /// <summary>Mean of the history (<c>meanf</c>).</summary>
    Mean,
}
