namespace Prognos.Learning.Forecasting.Arima;

/// <summary>ARIMA(0,0,0) with the mean held fixed: what R fits to a constant series, and the last-resort fallback.</summary>
internal static class ConstantModel
{
    public static ArimaFittedModel Fit(string name, TimeSeries series, string? reason)
    {
        var observed = series.Values.Where(v => !double.IsNaN(v)).ToArray();
        var mean = observed.Average();
        var order = new ArimaOrder(0, 0, 0);
        var regressors = new List<ArimaRegressor> { ArimaRegressor.Intercept(series.Length) with { FixedValue = mean } };
        var estimate = ArimaEstimator.Fit(series.Values, order, regressors, ArimaEstimationMethod.MaximumLikelihood, out var failure)
            ?? throw new ForecastingException($"Even the mean model could not be fitted: {failure}");
        return ArimaModelFactory.ToFittedModel(name, series, estimate, regressors, reason);
    }
}
