namespace Prognos.Learning.Forecasting.Arima;

/// <summary>One regression column (values over the training span) of a regression with ARIMA errors.</summary>
internal sealed record ArimaRegressor(string Name, ArimaRegressorKind Kind, double[] Values, double? FixedValue = null)
{
    public static ArimaRegressor Intercept(int length) => new("intercept", ArimaRegressorKind.Intercept, Enumerable.Repeat(1.0, length).ToArray());

    /// <summary>Drift column 1..n as R's forecast package builds it.</summary>
    public static ArimaRegressor Drift(int length) => new("drift", ArimaRegressorKind.Drift, Enumerable.Range(1, length).Select(i => (double)i).ToArray());
}
