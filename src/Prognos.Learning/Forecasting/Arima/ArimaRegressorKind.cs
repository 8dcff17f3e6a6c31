namespace Prognos.Learning.Forecasting.Arima;

/// <summary>What a regression column of an ARIMA model is, so its future values can be produced.</summary>
internal enum ArimaRegressorKind
{
    Intercept,
    Drift,
    Exogenous,
}
