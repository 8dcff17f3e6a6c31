namespace Prognos.Learning.Forecasting.Ets;

/// <summary>Smoothing parameters of an ETS model (beta, gamma are 0 and phi is 1 when the component is absent).</summary>
internal readonly record struct EtsParameters(double Alpha, double Beta, double Gamma, double Phi);
