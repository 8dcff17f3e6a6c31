namespace Prognos.Learning.Forecasting.StateSpace;

/// <summary>The trend of a structural time-series model, as statsmodels' <c>UnobservedComponents</c> names them.</summary>
public enum StructuralTrend
{
    /// <summary>Random-walk level plus irregular noise.</summary>
    LocalLevel,

    /// <summary>Random-walk level whose slope is itself a random walk, plus irregular noise.</summary>
    LocalLinearTrend,
}
