namespace Prognos.Learning.Forecasting;

/// <summary>Applies a <see cref="MissingValuePolicy"/> to a series' values.</summary>
public static class MissingValues
{
    /// <summary>Returns the values with missing ones handled by <paramref name="policy"/> (a copy when anything changed).</summary>
    public static double[] Apply(double[] values, MissingValuePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(values);
        var firstMissing = Array.FindIndex(values, v => !double.IsFinite(v));
        if (firstMissing < 0)
        {
            return values;
        }

        if (policy == MissingValuePolicy.Fail)
        {
            throw new ForecastingException(
                $"The series has a missing or non-finite value at position {firstMissing}; fill it, or use the interpolate missing-value policy.");
        }

        var observed = Array.FindAll(values, double.IsFinite).Length;
        if (observed == 0)
        {
            throw new ForecastingException("The series has no observed values; nothing can be interpolated.");
        }

        var filled = (double[])values.Clone();
        var previous = -1;
        for (var i = 0; i <= filled.Length; i++)
        {
            if (i < filled.Length && !double.IsFinite(filled[i]))
            {
                continue;
            }

            var gapStart = previous + 1;
            for (var j = gapStart; j < i; j++)
            {
                filled[j] = (previous, i == filled.Length) switch
                {
                    (< 0, _) => filled[i],
                    (_, true) => filled[previous],
                    _ => filled[previous] + (filled[i] - filled[previous]) * (j - previous) / (i - previous),
                };
            }

            previous = i;
        }

        return filled;
    }

    /// <summary>The series with missing values handled by <paramref name="policy"/>.</summary>
    public static TimeSeries Apply(TimeSeries series, MissingValuePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(series);
        var values = Apply(series.Values, policy);
        return ReferenceEquals(values, series.Values) ? series : series with { Values = values };
    }
}
