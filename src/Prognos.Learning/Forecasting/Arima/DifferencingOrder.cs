namespace Prognos.Learning.Forecasting.Arima;

/// <summary>
/// How many differences auto.arima takes, as R's forecast package decides: repeated KPSS tests for d
/// (<c>ndiffs</c>) and the seasonal-strength heuristic for D (<c>nsdiffs(test = "seas")</c>).
/// </summary>
internal static class DifferencingOrder
{
    // KPSS level-stationarity critical values (10%, 5%, 2.5%, 1%) from urca, for p-value interpolation.
    private static readonly double[] KpssCriticalValues = [0.347, 0.463, 0.574, 0.739];
    private static readonly double[] KpssProbabilities = [0.10, 0.05, 0.025, 0.01];

    /// <summary>R's ndiffs(x, alpha, test = "kpss", max.d): difference while the KPSS p-value is below alpha.</summary>
    public static int NonSeasonalDifferences(ReadOnlySpan<double> values, KpssLagRule lagRule, double alpha = 0.05, int maxD = 2)
    {
        var x = values.ToArray().Where(v => !double.IsNaN(v)).ToArray();
        alpha = Math.Clamp(alpha, 0.01, 0.1);
        var d = 0;
        if (ArimaModelFactory.IsConstant(x) || x.Length < 2)
        {
            return d;
        }

        var difference = KpssPValue(x, lagRule) < alpha;
        while (difference && d < maxD)
        {
            d++;
            x = ArimaPolynomials.Difference(x, [1.0]);
            if (ArimaModelFactory.IsConstant(x) || x.Length < 2)
            {
                return d;
            }

            difference = KpssPValue(x, lagRule) < alpha;
        }

        return d;
    }

    /// <summary>
    /// R's nsdiffs(x, test = "seas", max.D = 1): seasonally difference when the STL seasonal strength exceeds 0.64.
    /// </summary>
    public static int SeasonalDifferences(ReadOnlySpan<double> values, int period, int maxD = 1)
    {
        var x = values.ToArray();
        if (period <= 1 || ArimaModelFactory.IsConstant(x) || period >= x.Length)
        {
            return 0;
        }

        var d = 0;
        var difference = SeasonalStrength(x, period) > 0.64;
        while (difference && d < maxD)
        {
            d++;
            var seasonal = new double[period];
            seasonal[^1] = 1;
            x = ArimaPolynomials.Difference(x, seasonal);
            if (ArimaModelFactory.IsConstant(x))
            {
                return d;
            }

            difference = x.Length >= 2 * period && d < maxD && SeasonalStrength(x, period) > 0.64;
        }

        return d;
    }

    /// <summary>KPSS statistic for level stationarity with a Bartlett long-run variance.</summary>
    public static double KpssStatistic(ReadOnlySpan<double> x, int lags)
    {
        var n = x.Length;
        var mean = 0.0;
        foreach (var v in x)
        {
            mean += v;
        }

        mean /= n;
        var residuals = new double[n];
        double cumulative = 0, numerator = 0, s2 = 0;
        for (var t = 0; t < n; t++)
        {
            residuals[t] = x[t] - mean;
            cumulative += residuals[t];
            numerator += cumulative * cumulative;
            s2 += residuals[t] * residuals[t];
        }

        numerator /= (double)n * n;
        s2 /= n;
        var denominator = s2;
        for (var k = 1; k <= lags; k++)
        {
            var covariance = 0.0;
            for (var t = k; t < n; t++)
            {
                covariance += residuals[t] * residuals[t - k];
            }

            denominator += 2.0 / n * (1 - (k / (lags + 1.0))) * covariance;
        }

        return numerator / denominator;
    }

    /// <summary>Bandwidth: R forecast's ndiffs uses trunc(3√n/13); urca's "short" is trunc(4(n/100)^¼).</summary>
    public static int KpssLags(int n, KpssLagRule rule) => rule == KpssLagRule.Short
        ? (int)Math.Truncate(4 * Math.Pow(n / 100.0, 0.25))
        : (int)Math.Truncate(3 * Math.Sqrt(n) / 13);

    /// <summary>p-value by linear interpolation in the critical-value table, clamped to [0.01, 0.10] (R's approx, rule = 2).</summary>
    public static double KpssPValue(ReadOnlySpan<double> x, KpssLagRule rule)
    {
        var statistic = KpssStatistic(x, KpssLags(x.Length, rule));
        if (double.IsNaN(statistic))
        {
            return 1;
        }

        if (statistic <= KpssCriticalValues[0])
        {
            return KpssProbabilities[0];
        }

        for (var i = 1; i < KpssCriticalValues.Length; i++)
        {
            if (statistic <= KpssCriticalValues[i])
            {
                var fraction = (statistic - KpssCriticalValues[i - 1]) / (KpssCriticalValues[i] - KpssCriticalValues[i - 1]);
                return KpssProbabilities[i - 1] + (fraction * (KpssProbabilities[i] - KpssProbabilities[i - 1]));
            }
        }

        return KpssProbabilities[^1];
    }

    /// <summary>Wang, Smith &amp; Hyndman's seasonal strength 1 - var(R)/var(S + R) from STL with s.window = 11 (as mstl).</summary>
    public static double SeasonalStrength(double[] x, int period)
    {
        if (x.Length <= 2 * period)
        {
            return double.NaN;
        }

        var filled = FillMissing(x);
        var (seasonal, trend) = SeasonalTrendLoess.Decompose(filled, period, seasonalWindow: 11);
        var remainder = new double[filled.Length];
        var withSeason = new double[filled.Length];
        for (var t = 0; t < filled.Length; t++)
        {
            remainder[t] = filled[t] - seasonal[t] - trend[t];
            withSeason[t] = remainder[t] + seasonal[t];
        }

        var strength = 1 - (Variance(remainder) / Variance(withSeason));
        return Math.Clamp(strength, 0, 1);
    }

    private static double[] FillMissing(double[] x)
    {
        // Linear interpolation over gaps (mstl interpolates missing values before decomposing).
        var result = (double[])x.Clone();
        var known = Enumerable.Range(0, x.Length).Where(i => !double.IsNaN(x[i])).ToArray();
        if (known.Length == x.Length || known.Length == 0)
        {
            return result;
        }

        for (var i = 0; i < x.Length; i++)
        {
            if (!double.IsNaN(result[i]))
            {
                continue;
            }

            var before = known.LastOrDefault(k => k < i, -1);
            var after = known.FirstOrDefault(k => k > i, -1);
            result[i] = before < 0 ? x[after] : after < 0 ? x[before] : x[before] + ((x[after] - x[before]) * (i - before) / (after - before));
        }

        return result;
    }

    private static double Variance(double[] values)
    {
        var mean = values.Average();
        return values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1);
    }
}
