namespace Prognos.Learning.Forecasting.Ets;

/// <summary>Seasonal component of an ETS model.</summary>
public enum EtsSeason
{
    None,
    Additive,
    Multiplicative,
}
