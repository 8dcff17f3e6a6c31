namespace Prognos.Learning.Forecasting;

/// <summary>Classical (moving-average) seasonal decomposition, as R's <c>decompose</c>.</summary>
internal static class ClassicalDecomposition
{
    /// <summary>
    /// The normalised seasonal figure: element p is the seasonal effect of every observation at index ≡ p (mod m).
    /// Needs at least two full seasons.
    /// </summary>
    public static double[] SeasonalFigure(ReadOnlySpan<double> x, int m, bool multiplicative)
    {
        var n = x.Length;
        if (m < 2 || n < 2 * m)
        {
            throw new ForecastingException($"A seasonal decomposition needs at least two full seasons ({2 * m} observations), got {n}.");
        }

        // Centred moving average: a 2×m average for even m, an m average for odd m.
        var half = m / 2;
        var sums = new double[m];
        var counts = new int[m];
        for (var t = half; t < n - half; t++)
        {
            double trend;
            if (m % 2 == 0)
            {
                var s = 0.5 * (x[t - half] + x[t + half]);
                for (var k = t - half + 1; k < t + half; k++)
                {
                    s += x[k];
                }

                trend = s / m;
            }
            else
            {
                var s = 0.0;
                for (var k = t - half; k <= t + half; k++)
                {
                    s += x[k];
                }

                trend = s / m;
            }

            sums[t % m] += multiplicative ? x[t] / trend : x[t] - trend;
            counts[t % m]++;
        }

        var figure = new double[m];
        for (var p = 0; p < m; p++)
        {
            figure[p] = sums[p] / counts[p];
        }

        var mean = figure.Average();
        for (var p = 0; p < m; p++)
        {
            figure[p] = multiplicative ? figure[p] / mean : figure[p] - mean;
        }

        return figure;
    }
}
