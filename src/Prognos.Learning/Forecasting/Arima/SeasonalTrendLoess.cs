namespace Prognos.Learning.Forecasting.Arima;

/// <summary>
/// STL decomposition (Cleveland et al. 1990) with R's <c>stl</c> defaults for a given seasonal window: non-robust,
/// two inner passes, loess degree 0 for the cycle-subseries and 1 for trend and low-pass, jumps of a tenth of each window.
/// Used for the seasonal-strength test behind R's <c>nsdiffs(test = "seas")</c>, which runs <c>mstl</c> (s.window = 11).
/// </summary>
internal static class SeasonalTrendLoess
{
    public static (double[] Seasonal, double[] Trend) Decompose(ReadOnlySpan<double> y, int period, int seasonalWindow)
    {
        var n = y.Length;
        var np = Math.Max(2, period);
        var ns = Odd(Math.Max(3, seasonalWindow));
        var nt = Odd(Math.Max(3, NextOdd((int)Math.Ceiling(1.5 * period / (1 - (1.5 / seasonalWindow))))));
        var nl = Odd(Math.Max(3, NextOdd(period)));
        var sJump = (int)Math.Ceiling(ns / 10.0);
        var tJump = (int)Math.Ceiling(nt / 10.0);
        var lJump = (int)Math.Ceiling(nl / 10.0);

        var trend = new double[n];
        var seasonal = new double[n];
        var detrended = new double[n];
        var cycle = new double[n + (2 * np)];
        var lowPass = new double[n + (2 * np)];
        var smoothedLowPass = new double[n];
        var deseasonalised = new double[n];
        for (var pass = 0; pass < 2; pass++)
        {
            for (var i = 0; i < n; i++)
            {
                detrended[i] = y[i] - trend[i];
            }

            SmoothCycleSubseries(detrended, np, ns, sJump, cycle);
            LowPassFilter(cycle, n, np, lowPass);
            Loess(lowPass.AsSpan(0, n), nl, 1, lJump, smoothedLowPass);
            for (var i = 0; i < n; i++)
            {
                seasonal[i] = cycle[np + i] - smoothedLowPass[i];
                deseasonalised[i] = y[i] - seasonal[i];
            }

            Loess(deseasonalised, nt, 1, tJump, trend);
        }

        return (seasonal, trend);
    }

    private static int NextOdd(int x) => x % 2 == 0 ? x + 1 : x;

    private static int Odd(int x) => x % 2 == 0 ? x + 1 : x;

    /// <summary>Smooths each cycle-subseries (degree 0) and extends it one period at both ends; output length n + 2·np.</summary>
    private static void SmoothCycleSubseries(double[] y, int np, int ns, int jump, double[] season)
    {
        var n = y.Length;
        for (var j = 0; j < np; j++)
        {
            var k = ((n - j - 1) / np) + 1;
            var sub = new double[k];
            for (var i = 0; i < k; i++)
            {
                sub[i] = y[(i * np) + j];
            }

            var smoothed = new double[k + 2];
            Loess(sub, ns, 0, jump, smoothed.AsSpan(1, k));
            var weights = new double[k];
            var right = Math.Min(ns, k);
            smoothed[0] = Estimate(sub, ns, 0, 0, 1, right, weights) ?? smoothed[1];
            var left = Math.Max(1, k - ns + 1);
            smoothed[k + 1] = Estimate(sub, ns, 0, k + 1, left, k, weights) ?? smoothed[k];
            for (var m = 0; m < k + 2; m++)
            {
                season[(m * np) + j] = smoothed[m];
            }
        }
    }

    /// <summary>Moving averages of length np, np and 3 (STL's low-pass filter), output length n.</summary>
    private static void LowPassFilter(double[] x, int n, int np, double[] output)
    {
        var first = MovingAverage(x.AsSpan(0, n + (2 * np)), np);
        var second = MovingAverage(first, np);
        var third = MovingAverage(second, 3);
        third.AsSpan(0, n).CopyTo(output);
    }

    private static double[] MovingAverage(ReadOnlySpan<double> x, int length)
    {
        var count = x.Length - length + 1;
        var result = new double[count];
        var sum = 0.0;
        for (var i = 0; i < length; i++)
        {
            sum += x[i];
        }

        result[0] = sum / length;
        for (var i = 1; i < count; i++)
        {
            sum += x[i + length - 1] - x[i - 1];
            result[i] = sum / length;
        }

        return result;
    }

    /// <summary>Loess at every jump-th point (1-based positions as in the Fortran), linear interpolation between.</summary>
    private static void Loess(ReadOnlySpan<double> y, int length, int degree, int jump, Span<double> ys)
    {
        var n = y.Length;
        var weights = new double[n];
        if (n < 2)
        {
            ys[0] = y[0];
            return;
        }

        var step = Math.Min(jump, n - 1);
        int left = 1, right = n;
        if (length >= n)
        {
            left = 1;
            right = n;
            for (var i = 1; i <= n; i += step)
            {
                ys[i - 1] = Estimate(y, length, degree, i, left, right, weights) ?? y[i - 1];
            }
        }
        else if (step == 1)
        {
            var half = (length + 1) / 2;
            left = 1;
            right = length;
            for (var i = 1; i <= n; i++)
            {
                if (i > half && right != n)
                {
                    left++;
                    right++;
                }

                ys[i - 1] = Estimate(y, length, degree, i, left, right, weights) ?? y[i - 1];
            }
        }
        else
        {
            var half = (length + 1) / 2;
            for (var i = 1; i <= n; i += step)
            {
                if (i < half)
                {
                    left = 1;
                    right = length;
                }
                else if (i >= n - half + 1)
                {
                    left = n - length + 1;
                    right = n;
                }
                else
                {
                    left = i - half + 1;
                    right = length + i - half;
                }

                ys[i - 1] = Estimate(y, length, degree, i, left, right, weights) ?? y[i - 1];
            }
        }

        if (step != 1)
        {
            for (var i = 1; i <= n - step; i += step)
            {
                var slope = (ys[i + step - 1] - ys[i - 1]) / step;
                for (var j = i + 1; j < i + step; j++)
                {
                    ys[j - 1] = ys[i - 1] + (slope * (j - i));
                }
            }

            var k = (((n - 1) / step) * step) + 1;
            if (k != n)
            {
                ys[n - 1] = Estimate(y, length, degree, n, left, right, weights) ?? y[n - 1];
                if (k != n - 1)
                {
                    var slope = (ys[n - 1] - ys[k - 1]) / (n - k);
                    for (var j = k + 1; j < n; j++)
                    {
                        ys[j - 1] = ys[k - 1] + (slope * (j - k));
                    }
                }
            }
        }
    }

    /// <summary>Tricube-weighted local fit of degree 0 or 1 at position xs over [left, right] (1-based); null when no weight.</summary>
    private static double? Estimate(ReadOnlySpan<double> y, int length, int degree, double xs, int left, int right, double[] w)
    {
        var n = y.Length;
        var range = n - 1.0;
        var h = Math.Max(xs - left, right - xs);
        if (length > n)
        {
            h += (length - n) / 2;
        }

        var h9 = 0.999 * h;
        var h1 = 0.001 * h;
        var a = 0.0;
        for (var j = left; j <= right; j++)
        {
            w[j - 1] = 0;
            var r = Math.Abs(j - xs);
            if (r <= h9)
            {
                w[j - 1] = r <= h1 ? 1 : Math.Pow(1 - Math.Pow(r / h, 3), 3);
                a += w[j - 1];
            }
        }

        if (a <= 0)
        {
            return null;
        }

        for (var j = left; j <= right; j++)
        {
            w[j - 1] /= a;
        }

        if (h > 0 && degree > 0)
        {
            a = 0;
            for (var j = left; j <= right; j++)
            {
                a += w[j - 1] * j;
            }

            var b = xs - a;
            var c = 0.0;
            for (var j = left; j <= right; j++)
            {
                c += w[j - 1] * (j - a) * (j - a);
            }

            if (Math.Sqrt(c) > 0.001 * range)
            {
                b /= c;
                for (var j = left; j <= right; j++)
                {
                    w[j - 1] *= (b * (j - a)) + 1;
                }
            }
        }

        var ys = 0.0;
        for (var j = left; j <= right; j++)
        {
            ys += w[j - 1] * y[j - 1];
        }

        return ys;
    }
}
