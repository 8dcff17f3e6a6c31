namespace Prognos.Learning.Forecasting;

/// <summary>What to do with missing (NaN) values in a series before fitting.</summary>
public enum MissingValuePolicy
{
    /// <summary>Refuse the series and say where the first gap is.</summary>
    Fail,

    /// <summary>Fill interior gaps linearly; leading/trailing gaps take the nearest observed value.</summary>
    Interpolate,
}
