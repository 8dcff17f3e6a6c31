namespace Prognos.Learning.Forecasting.Arima;

/// <summary>Where the minimiser stopped, the objective there, whether it converged within the iteration limit, and whether it failed.</summary>
internal sealed record MinimizationResult(double[] Parameters, double Value, bool Converged, bool Failed);
