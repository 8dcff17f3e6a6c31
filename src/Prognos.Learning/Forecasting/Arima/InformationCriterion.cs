namespace Prognos.Learning.Forecasting.Arima;

/// <summary>Which information criterion auto.arima minimises.</summary>
public enum InformationCriterion
{
    Aicc,
    Aic,
    Bic,
}
