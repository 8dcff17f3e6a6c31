namespace Prognos.Learning.Forecasting.Optimisation;

/// <summary>The minimiser found, its value and how many evaluations it took.</summary>
internal sealed record OptimisationResult(double[] Minimum, double Value, int Evaluations, bool Converged);
