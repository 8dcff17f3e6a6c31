namespace Prognos.Learning.Forecasting.Arima;

/// <summary>Turns a series and an order into regression columns and estimates, and estimates into fitted models.</summary>
internal static class ArimaModelFactory
{
    /// <summary>R forecast's constant handling: a mean when d + D = 0, a drift when d + D = 1, nothing above.</summary>
    public static List<ArimaRegressor> Regressors(TimeSeries series, ArimaOrder order, bool includeMean, bool includeDrift, IReadOnlyList<string>? exogenousColumns)
    {
        var n = series.Length;
        var regressors = new List<ArimaRegressor>();
        var differences = order.D + order.SeasonalD;
        if (includeDrift && differences <= 1)
        {
            regressors.Add(ArimaRegressor.Drift(n));
        }

        if (includeMean && differences == 0)
        {
            regressors.Insert(0, ArimaRegressor.Intercept(n));
        }

        foreach (var name in ExogenousColumns(series, exogenousColumns))
        {
            var values = series.Exogenous![name];
            if (values.Length != n)
            {
                throw new ForecastingException($"Exogenous column '{name}' has {values.Length} values but the series has {n}; align it with the series.");
            }

            regressors.Add(new ArimaRegressor(name, ArimaRegressorKind.Exogenous, values));
        }

        return regressors;
    }

    public static IReadOnlyList<string> ExogenousColumns(TimeSeries series, IReadOnlyList<string>? requested)
    {
        if (requested is null)
        {
            return series.Exogenous is null ? [] : [.. series.Exogenous.Keys.Order(StringComparer.Ordinal)];
        }

        foreach (var name in requested)
        {
            if (series.Exogenous is null || !series.Exogenous.ContainsKey(name))
            {
                throw new ForecastingException($"Exogenous column '{name}' was requested but the series has no such column; add it to TimeSeries.Exogenous or drop it from the model.");
            }
        }

        return requested;
    }

    public static void ValidateSeries(TimeSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (series.Timestamps.Count != series.Values.Length)
        {
            throw new ForecastingException($"The series has {series.Timestamps.Count} timestamps but {series.Values.Length} values; they must align.");
        }

        if (series.Values.All(double.IsNaN))
        {
            throw new ForecastingException("The series has no observed values; ARIMA needs at least one.");
        }
    }

    /// <summary>Drops missing values at the end, so forecasts start after the last observation (as R's forecast.Arima).</summary>
    public static TimeSeries TrimTrailingMissing(TimeSeries series)
    {
        var end = series.Values.Length;
        while (end > 0 && double.IsNaN(series.Values[end - 1]))
        {
            end--;
        }

        if (end == series.Values.Length || end == 0)
        {
            return series;
        }

        return series with
        {
            Timestamps = [.. series.Timestamps.Take(end)],
            Values = series.Values[..end],
            Exogenous = series.Exogenous?.ToDictionary(c => c.Key, c => c.Value.Length >= end ? c.Value[..end] : c.Value, StringComparer.Ordinal),
        };
    }

    public static bool IsConstant(ReadOnlySpan<double> values)
    {
        double? first = null;
        foreach (var v in values)
        {
            if (double.IsNaN(v))
            {
                continue;
            }

            first ??= v;
            if (v != first)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>R's arima.string: the orders and how the constant enters.</summary>
    public static string Describe(ArimaOrder order, IReadOnlyList<ArimaRegressor> regressors)
    {
        var text = order.ToString();
        var exogenous = regressors.Count(r => r.Kind == ArimaRegressorKind.Exogenous);
        if (regressors.Any(r => r.Kind == ArimaRegressorKind.Intercept))
        {
            text += " with non-zero mean";
        }
        else if (regressors.Any(r => r.Kind == ArimaRegressorKind.Drift))
        {
            text += " with drift";
        }
        else if (order.D + order.SeasonalD == 0)
        {
            text += " with zero mean";
        }

        return exogenous > 0 ? $"Regression with {text} errors" : text;
    }

    public static ArimaFittedModel ToFittedModel(string name, TimeSeries series, ArimaEstimate estimate, IReadOnlyList<ArimaRegressor> regressors, string? fallbackReason)
    {
        estimate = estimate.WithDiffuseStartResiduals();
        var fitted = new double[series.Length];
        for (var t = 0; t < fitted.Length; t++)
        {
            fitted[t] = series.Values[t] - estimate.Residuals[t];
        }

        var state = new ArimaModelState(
            name,
            Describe(estimate.Order, regressors),
            fallbackReason,
            estimate.Order,
            estimate.CoefficientNames,
            estimate.Coefficients,
            [.. regressors.Select(r => r.Name)],
            [.. regressors.Select(r => r.Kind)],
            estimate.Phi,
            estimate.Theta,
            estimate.Delta,
            estimate.FilteredState,
            estimate.FilteredCovariance,
            estimate.LastRegressionErrors,
            series.Length,
            estimate.Sigma2,
            estimate.Statistics(),
            fitted,
            series.Timestamps[^1],
            series.Frequency);
        return new ArimaFittedModel(state);
    }
}
