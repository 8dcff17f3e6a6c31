namespace Prognos.Learning.Forecasting.Arima;

/// <summary>One model tried by the auto.arima search: its orders, whether it had a constant, and its criterion (∞ when rejected).</summary>
internal sealed record ArimaCandidate(ArimaOrder Order, bool Constant, double Criterion, ArimaEstimate? Estimate, IReadOnlyList<ArimaRegressor> Regressors);
