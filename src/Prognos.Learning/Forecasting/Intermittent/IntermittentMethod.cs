namespace Prognos.Learning.Forecasting.Intermittent;

/// <summary>Forecasting methods for intermittent (mostly zero) demand.</summary>
public enum IntermittentMethod
{
    /// <summary>Croston (1972): smoothed demand size over smoothed inter-demand interval.</summary>
    Croston,

    /// <summary>Syntetos–Boylan approximation: Croston scaled by (1 − α/2) to remove its bias.</summary>
    SyntetosBoylan,

    /// <summary>Teunter–Syntetos–Babai (2011): smoothed demand probability times smoothed size.</summary>
    Tsb,
}
