namespace Prognos.Learning.Forecasting.Evaluation;

/// <summary>Point and interval accuracy measures, as R's forecast and Azure ML define them.</summary>
public static class ForecastMetrics
{
    public static double Mae(ReadOnlySpan<double> actual, ReadOnlySpan<double> forecast)
    {
        RequireSameLength(actual, forecast);
        var sum = 0.0;
        for (var i = 0; i < actual.Length; i++)
        {
            sum += Math.Abs(actual[i] - forecast[i]);
        }

        return sum / actual.Length;
    }

    public static double Rmse(ReadOnlySpan<double> actual, ReadOnlySpan<double> forecast)
    {
        RequireSameLength(actual, forecast);
        var sum = 0.0;
        for (var i = 0; i < actual.Length; i++)
        {
            sum += (actual[i] - forecast[i]) * (actual[i] - forecast[i]);
        }

        return Math.Sqrt(sum / actual.Length);
    }

    /// <summary>RMSE divided by the range (max − min) of the training target, Azure ML's normalized RMSE.</summary>
    public static double Nrmse(ReadOnlySpan<double> actual, ReadOnlySpan<double> forecast, ReadOnlySpan<double> trainingTarget)
    {
        if (trainingTarget.IsEmpty)
        {
            throw new ForecastingException("NRMSE needs the training target to normalise by its range.");
        }

        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var v in trainingTarget)
        {
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }

        var range = max - min;
        return range > 0 ? Rmse(actual, forecast) / range : double.NaN;
    }

    /// <summary>Mean absolute percentage error in percent; NaN when an actual value is zero.</summary>
    public static double Mape(ReadOnlySpan<double> actual, ReadOnlySpan<double> forecast)
    {
        RequireSameLength(actual, forecast);
        var sum = 0.0;
        for (var i = 0; i < actual.Length; i++)
        {
            if (actual[i] == 0)
            {
                return double.NaN;
            }

            sum += Math.Abs((actual[i] - forecast[i]) / actual[i]);
        }

        return 100 * sum / actual.Length;
    }

    /// <summary>Symmetric MAPE: mean of 200·|y − f| / (|y| + |f|), a pair of zeros counting as 0.</summary>
    public static double Smape(ReadOnlySpan<double> actual, ReadOnlySpan<double> forecast)
    {
        RequireSameLength(actual, forecast);
        var sum = 0.0;
        for (var i = 0; i < actual.Length; i++)
        {
            var denominator = Math.Abs(actual[i]) + Math.Abs(forecast[i]);
            sum += denominator == 0 ? 0 : 200 * Math.Abs(actual[i] - forecast[i]) / denominator;
        }

        return sum / actual.Length;
    }

    /// <summary>
    /// Mean absolute scaled error: the forecast MAE over the in-sample MAE of the seasonal naive forecast with lag
    /// <paramref name="seasonalPeriod"/> on the training data (lag 1 when the period is 1 or the data too short).
    /// </summary>
    public static double Mase(ReadOnlySpan<double> actual, ReadOnlySpan<double> forecast, ReadOnlySpan<double> training, int seasonalPeriod)
    {
        var lag = seasonalPeriod >= 1 && training.Length > seasonalPeriod ? seasonalPeriod : 1;
        if (training.Length <= lag)
        {
            throw new ForecastingException($"MASE needs more than {lag} training values to compute its scale.");
        }

        var scale = 0.0;
        for (var t = lag; t < training.Length; t++)
        {
            scale += Math.Abs(training[t] - training[t - lag]);
        }

        scale /= training.Length - lag;
        return scale > 0 ? Mae(actual, forecast) / scale : double.NaN;
    }

    /// <summary>Share of actual values inside [lower, upper].</summary>
    public static double Coverage(ReadOnlySpan<double> actual, ReadOnlySpan<double> lower, ReadOnlySpan<double> upper)
    {
        RequireSameLength(actual, lower);
        RequireSameLength(actual, upper);
        var inside = 0;
        for (var i = 0; i < actual.Length; i++)
        {
            if (actual[i] >= lower[i] && actual[i] <= upper[i])
            {
                inside++;
            }
        }

        return (double)inside / actual.Length;
    }

    private static void RequireSameLength(ReadOnlySpan<double> actual, ReadOnlySpan<double> other)
    {
        if (actual.Length != other.Length || actual.IsEmpty)
        {
            throw new ForecastingException($"Metrics need equally long, non-empty actual and forecast values (got {actual.Length} and {other.Length}).");
        }
    }
}
