using System.Numerics;

namespace Prognos.Learning.Forecasting.Arima;

/// <summary>
/// Polynomial bookkeeping of ARIMA models in R's sign convention:
/// AR as 1 - φ1 B - ..., MA as 1 + θ1 B + ..., seasonal factors multiplied in.
/// </summary>
internal static class ArimaPolynomials
{
    /// <summary>Expanded length of the AR polynomial p + m·P.</summary>
    public static int ExpandedArLength(ArimaOrder order) => order.P + (order.Period * order.SeasonalP);

    /// <summary>Expanded length of the MA polynomial q + m·Q.</summary>
    public static int ExpandedMaLength(ArimaOrder order) => order.Q + (order.Period * order.SeasonalQ);

    /// <summary>
    /// Multiplies the non-seasonal and seasonal factors into phi and theta (as R's transPars);
    /// with <paramref name="transform"/> the AR blocks are first mapped from the unconstrained scale.
    /// </summary>
    public static void Expand(ReadOnlySpan<double> coefficients, ArimaOrder order, bool transform, Span<double> phi, Span<double> theta, Span<double> scratch)
    {
        int p = order.P, q = order.Q, sp = order.SeasonalP, sq = order.SeasonalQ, m = order.Period;
        var ar = scratch[..p];
        var sar = scratch.Slice(p, sp);
        if (transform)
        {
            PacfToAr(coefficients[..p], ar, scratch.Slice(p + sp, Math.Max(p, sp)));
            PacfToAr(coefficients.Slice(p + q, sp), sar, scratch.Slice(p + sp, Math.Max(p, sp)));
        }
        else
        {
            coefficients[..p].CopyTo(ar);
            coefficients.Slice(p + q, sp).CopyTo(sar);
        }

        var ma = coefficients.Slice(p, q);
        var sma = coefficients.Slice(p + q + sp, sq);
        phi.Clear();
        theta.Clear();
        ar.CopyTo(phi);
        ma.CopyTo(theta);
        for (var j = 0; j < sp; j++)
        {
            phi[((j + 1) * m) - 1] += sar[j];
            for (var i = 0; i < p; i++)
            {
                phi[((j + 1) * m) + i] -= ar[i] * sar[j];
            }
        }

        for (var j = 0; j < sq; j++)
        {
            theta[((j + 1) * m) - 1] += sma[j];
            for (var i = 0; i < q; i++)
            {
                theta[((j + 1) * m) + i] += ma[i] * sma[j];
            }
        }
    }

    /// <summary>Maps unconstrained values to a stationary AR polynomial: tanh to partial autocorrelations, then Durbin–Levinson.</summary>
    public static void PacfToAr(ReadOnlySpan<double> raw, Span<double> ar, Span<double> work)
    {
        var p = raw.Length;
        for (var j = 0; j < p; j++)
        {
            ar[j] = work[j] = Math.Tanh(raw[j]);
        }

        for (var j = 1; j < p; j++)
        {
            var a = ar[j];
            for (var k = 0; k < j; k++)
            {
                work[k] -= a * ar[j - k - 1];
            }

            work[..j].CopyTo(ar);
        }
    }

    /// <summary>Inverse of <see cref="PacfToAr"/>: runs Durbin–Levinson backwards and applies atanh.</summary>
    public static void ArToPacf(ReadOnlySpan<double> ar, Span<double> raw)
    {
        var p = ar.Length;
        Span<double> work = stackalloc double[Math.Max(p, 1)];
        ar.CopyTo(raw);
        for (var j = p - 1; j > 0; j--)
        {
            var a = raw[j];
            for (var k = 0; k < j; k++)
            {
                work[k] = (raw[k] + (a * raw[j - k - 1])) / (1 - (a * a));
            }

            work[..j].CopyTo(raw);
        }

        for (var j = 0; j < p; j++)
        {
            raw[j] = Math.Atanh(raw[j]);
        }
    }

    /// <summary>True when all roots of 1 - φ1 z - ... lie outside the unit circle (R's arCheck).</summary>
    public static bool IsStationary(ReadOnlySpan<double> ar)
    {
        var last = ar.Length - 1;
        while (last >= 0 && ar[last] == 0)
        {
            last--;
        }

        if (last < 0)
        {
            return true;
        }

        var coefficients = new double[last + 2];
        coefficients[0] = 1;
        for (var i = 0; i <= last; i++)
        {
            coefficients[i + 1] = -ar[i];
        }

        return PolynomialRoots.Find(coefficients).All(root => root.Magnitude > 1);
    }

    /// <summary>Reflects MA roots inside the unit circle to the outside, giving the invertible equivalent (R's maInvert).</summary>
    public static void InvertMa(Span<double> ma)
    {
        var q = ma.Length;
        var q0 = q;
        while (q0 > 0 && ma[q0 - 1] == 0)
        {
            q0--;
        }

        if (q0 == 0)
        {
            return;
        }

        var coefficients = new double[q0 + 1];
        coefficients[0] = 1;
        for (var i = 0; i < q0; i++)
        {
            coefficients[i + 1] = ma[i];
        }

        var roots = PolynomialRoots.Find(coefficients);
        if (roots.All(root => root.Magnitude >= 1))
        {
            return;
        }

        if (q0 == 1)
        {
            ma[0] = 1 / ma[0];
            ma[1..].Clear();
            return;
        }

        for (var i = 0; i < roots.Length; i++)
        {
            if (roots[i].Magnitude < 1)
            {
                roots[i] = 1 / roots[i];
            }
        }

        // Rebuild prod(1 - z/r) from the reflected roots.
        var x = new Complex[q0 + 1];
        x[0] = 1;
        var length = 1;
        foreach (var root in roots)
        {
            for (var k = length; k >= 1; k--)
            {
                x[k] -= x[k - 1] / root;
            }

            length++;
        }

        for (var i = 0; i < q0; i++)
        {
            ma[i] = x[i + 1].Real;
        }

        ma[q0..].Clear();
    }

    /// <summary>
    /// Smallest root modulus of the expanded AR (sign -1) or MA (sign +1) polynomial, from its factors:
    /// the seasonal factor in z^m has roots whose modulus is the m-th root of its own roots'.
    /// </summary>
    public static double MinimumRootModulus(ReadOnlySpan<double> nonSeasonal, ReadOnlySpan<double> seasonal, int period, double sign)
    {
        var minimum = double.PositiveInfinity;
        minimum = Math.Min(minimum, MinimumModulus(nonSeasonal, sign, 1));
        minimum = Math.Min(minimum, MinimumModulus(seasonal, sign, period));
        return minimum;
    }

    private static double MinimumModulus(ReadOnlySpan<double> factor, double sign, int power)
    {
        var last = factor.Length - 1;
        while (last >= 0 && Math.Abs(factor[last]) <= 1e-8)
        {
            last--;
        }

        if (last < 0)
        {
            return double.PositiveInfinity;
        }

        var coefficients = new double[last + 2];
        coefficients[0] = 1;
        for (var i = 0; i <= last; i++)
        {
            coefficients[i + 1] = sign * factor[i];
        }

        var minimum = PolynomialRoots.Find(coefficients).Min(root => root.Magnitude);
        return power == 1 ? minimum : Math.Pow(minimum, 1.0 / power);
    }

    /// <summary>Coefficients δ with (1-B)^d (1-B^m)^D y_t = y_t - Σ δ_i y_{t-i} (R's Delta).</summary>
    public static double[] DifferencingCoefficients(ArimaOrder order)
    {
        double[] polynomial = [1.0];
        for (var i = 0; i < order.D; i++)
        {
            polynomial = Multiply(polynomial, [1.0, -1.0]);
        }

        for (var i = 0; i < order.SeasonalD; i++)
        {
            var seasonal = new double[order.Period + 1];
            seasonal[0] = 1;
            seasonal[order.Period] = -1;
            polynomial = Multiply(polynomial, seasonal);
        }

        var delta = new double[polynomial.Length - 1];
        for (var i = 0; i < delta.Length; i++)
        {
            delta[i] = -polynomial[i + 1];
        }

        return delta;
    }

    /// <summary>Applies the differencing: w_t = y_{t+k} - Σ δ_i y_{t+k-i}, k = number of δ; NaN propagates.</summary>
    public static double[] Difference(ReadOnlySpan<double> values, ReadOnlySpan<double> delta)
    {
        var k = delta.Length;
        var length = Math.Max(values.Length - k, 0);
        var result = new double[length];
        for (var t = 0; t < length; t++)
        {
            var value = values[t + k];
            for (var i = 0; i < k; i++)
            {
                value -= delta[i] * values[t + k - i - 1];
            }

            result[t] = value;
        }

        return result;
    }

    private static double[] Multiply(double[] left, double[] right)
    {
        var result = new double[left.Length + right.Length - 1];
        for (var i = 0; i < left.Length; i++)
        {
            for (var j = 0; j < right.Length; j++)
            {
                result[i + j] += left[i] * right[j];
            }
        }

        return result;
    }
}
