namespace Prognos.Learning.Forecasting.Arima;

/// <summary>Which information criterion auto.arima minimises.</summary>
public enum InformationCriterion
{
    /// <summary>AIC with the small-sample correction (R default).</summary>
    Aicc,
    /// <summary>Akaike: -2 loglik + 2k, k counting σ².</summary>
    Aic,
    /// <summary>Schwarz: AIC + k (log n* - 2).</summary>
    Bic,
}
