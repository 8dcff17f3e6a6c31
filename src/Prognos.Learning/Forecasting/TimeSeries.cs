namespace Prognos.Learning.Forecasting;

/// <summary>
/// One regular time series: strictly increasing UTC timestamps at <see cref="Frequency"/>, values
/// (NaN marks a missing value), an optional series id and optional exogenous columns aligned with the values.
/// </summary>
public sealed record TimeSeries(
    IReadOnlyList<DateTime> Timestamps,
    double[] Values,
    Frequency Frequency,
    string? SeriesId = null,
    IReadOnlyDictionary<string, double[]>? Exogenous = null)
{
    public int Length => Values.Length;

    /// <summary>The seasonal period to use: the frequency's, unless overridden.</summary>
    public int SeasonalPeriod { get; init; } = Frequency.SeasonalPeriod;
}
