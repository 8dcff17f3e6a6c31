namespace Prognos.Learning.Forecasting.Arima;

/// <summary>The model auto.arima chose and every candidate it tried on the way.</summary>
internal sealed record AutoArimaResult(ArimaFittedModel Model, IReadOnlyList<ArimaCandidate> Tried);
