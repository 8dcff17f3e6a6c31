namespace Prognos.Learning.Forecasting.Evaluation;

/// <summary>One rolling-origin fold: the model fitted on the first <see cref="TrainingLength"/> values and its forecast of the next ones.</summary>
public sealed record CrossValidationFold(int TrainingLength, Forecast Forecast, double[] Actuals)
{
    /// <summary>Forecast errors (actual − mean) by horizon step.</summary>
    public double[] Errors => Actuals.Select((a, i) => a - Forecast.Mean[i]).ToArray();
}
