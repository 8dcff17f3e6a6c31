namespace Prognos.Learning.Forecasting.Arima;

/// <summary>Least-squares coefficients and their standard errors.</summary>
internal sealed record RegressionFit(double[] Coefficients, double[] StandardErrors);
