namespace Prognos.Learning.Forecasting.Optimisation;

/// <summary>A function to minimise; returns +Infinity for infeasible points.</summary>
internal delegate double ObjectiveFunction(ReadOnlySpan<double> x);
