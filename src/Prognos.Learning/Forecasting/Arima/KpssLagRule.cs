namespace Prognos.Learning.Forecasting.Arima;

/// <summary>KPSS bandwidth rule: R forecast's ndiffs default (trunc(3√n/13)) or urca's "short" (trunc(4(n/100)^¼)).</summary>
public enum KpssLagRule
{
    /// <summary>trunc(3√n/13), what forecast::ndiffs passes to urca (8.x).</summary>
    ForecastPackage,
    /// <summary>trunc(4(n/100)^¼), urca's lags = "short".</summary>
    Short,
}
