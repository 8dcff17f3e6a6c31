namespace Prognos.Learning.Forecasting.Arima;

/// <summary>KPSS bandwidth rule: R forecast's ndiffs default (trunc(3√n/13)) or urca's "short" (trunc(4(n/100)^¼)).</summary>
public enum KpssLagRule
{
    ForecastPackage,
    Short,
}
