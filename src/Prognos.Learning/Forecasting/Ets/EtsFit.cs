namespace Prognos.Learning.Forecasting.Ets;

/// <summary>One estimated ETS model: parameters, initial and final states, likelihood statistics and in-sample errors.</summary>
internal sealed record EtsFit(
    EtsModelType Type,
    int Period,
    EtsParameters Parameters,
    double[] InitialStates,
    double Level,
    double Trend,
    double[] Season,
    int NextPosition,
    double LogLikelihood,
    double Aic,
    double Aicc,
    double Bic,
    double Sigma2,
    int ParameterCount,
    double[] Fitted,
    double[] Errors)
{
    /// <summary>Models automatic selection did not try or could not fit, each with its reason.</summary>
    public IReadOnlyList<string> Skipped { get; init; } = [];
}
