namespace Prognos.Learning.Forecasting.Arima;

/// <summary>How ARIMA coefficients are estimated, as R's <c>arima(method = ...)</c>.</summary>
public enum ArimaEstimationMethod
{
    /// <summary>Conditional sum of squares for starting values, then exact maximum likelihood (R's default).</summary>
    ConditionalSumOfSquaresThenMaximumLikelihood,

    /// <summary>Exact maximum likelihood from zero starting values.</summary>
    MaximumLikelihood,

    /// <summary>Conditional sum of squares only (fast; used by auto.arima's approximation).</summary>
    ConditionalSumOfSquares,
}
