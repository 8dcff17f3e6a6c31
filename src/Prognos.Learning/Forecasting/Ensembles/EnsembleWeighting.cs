namespace Prognos.Learning.Forecasting.Ensembles;

/// <summary>How an ensemble combines its members' forecasts.</summary>
public enum EnsembleWeighting
{
    /// <summary>Plain mean of every member that could be fitted.</summary>
    Equal,

    /// <summary>The top k members by cross-validated MAE, weighted by the inverse of that error.</summary>
    InverseCrossValidationError,
}
