namespace Prognos.Learning.Forecasting.Arima;

/// <summary>
/// The orders of a seasonal ARIMA(p,d,q)(P,D,Q)[m] model, named as R's <c>arima</c> names them.
/// </summary>
public sealed record ArimaOrder(int P, int D, int Q, int SeasonalP = 0, int SeasonalD = 0, int SeasonalQ = 0, int Period = 1)
{
    /// <summary>Number of differences applied before the ARMA part: d + D·m.</summary>
    public int DifferencedLength => D + SeasonalD * Period;

    /// <summary>Number of ARMA coefficients (p + q + P + Q).</summary>
    public int ArmaCount => P + Q + SeasonalP + SeasonalQ;

    /// <summary>True when the seasonal part is used (period above 1 and some seasonal order).</summary>
    public bool IsSeasonal => Period > 1 && SeasonalP + SeasonalD + SeasonalQ > 0;

    public override string ToString() =>
        IsSeasonal ? $"ARIMA({P},{D},{Q})({SeasonalP},{SeasonalD},{SeasonalQ})[{Period}]" : $"ARIMA({P},{D},{Q})";

    internal void Validate()
    {
        if (P < 0 || D < 0 || Q < 0 || SeasonalP < 0 || SeasonalD < 0 || SeasonalQ < 0)
        {
            throw new ForecastingException($"ARIMA orders must be non-negative, got {this}.");
        }

        if (Period < 1)
        {
            throw new ForecastingException($"The seasonal period must be at least 1, got {Period}.");
        }
    }

    /// <summary>The same orders with the seasonal part dropped when the period is 1.</summary>
    internal ArimaOrder Normalised() => Period > 1 ? this : this with { SeasonalP = 0, SeasonalD = 0, SeasonalQ = 0, Period = 1 };
}
