namespace Prognos.Learning.Forecasting.Ets;

/// <summary>Trend component of an ETS model.</summary>
public enum EtsTrend
{
    None,
    Additive,
    DampedAdditive,
}
