namespace Prognos.Learning.Forecasting;

/// <summary>The autocorrelation test R's <c>thetaf</c> uses to decide whether to deseasonalise (90% one-sided).</summary>
internal static class SeasonalityTest
{
    public static bool IsSeasonal(ReadOnlySpan<double> y, int m)
    {
        var n = y.Length;
        if (m < 2 || n < 2 * m)
        {
            return false;
        }

        var mean = 0.0;
        foreach (var v in y)
        {
            mean += v;
        }

        mean /= n;
        var denominator = 0.0;
        foreach (var v in y)
        {
            denominator += (v - mean) * (v - mean);
        }

        if (denominator <= 0)
        {
            return false;
        }

        static double Acf(ReadOnlySpan<double> y, double mean, double denominator, int lag)
        {
            var n = y.Length;
            var sum = 0.0;
            for (var t = 0; t + lag < n; t++)
            {
                sum += (y[t] - mean) * (y[t + lag] - mean);
            }

            return sum / denominator;
        }

        var squares = 0.0;
        for (var k = 1; k < m; k++)
        {
            var r = Acf(y, mean, denominator, k);
            squares += r * r;
        }

        var limit = Math.Sqrt((1 + 2 * squares) / n);
        return Math.Abs(Acf(y, mean, denominator, m)) / limit > Quantiles.Normal(0.95);
    }
}
