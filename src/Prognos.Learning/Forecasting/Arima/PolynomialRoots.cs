using System.Numerics;

namespace Prognos.Learning.Forecasting.Arima;

/// <summary>Complex roots of a real polynomial by the Durand–Kerner (Weierstrass) iteration.</summary>
internal static class PolynomialRoots
{
    /// <summary>Roots of c[0] + c[1] z + ... + c[n] z^n; trailing zero coefficients are dropped first.</summary>
    public static Complex[] Find(ReadOnlySpan<double> coefficients)
    {
        var degree = coefficients.Length - 1;
        while (degree > 0 && coefficients[degree] == 0)
        {
            degree--;
        }

        if (degree < 1)
        {
            return [];
        }

        var lead = coefficients[degree];
        var monic = new double[degree + 1];
        for (var i = 0; i <= degree; i++)
        {
            monic[i] = coefficients[i] / lead;
        }

        // Starting points on a circle whose radius bounds the roots (Cauchy), off the real axis so conjugates separate.
        var radius = 0.0;
        for (var i = 0; i < degree; i++)
        {
            radius = Math.Max(radius, Math.Abs(monic[i]));
        }

        radius = Math.Min(1 + radius, 1e6);
        var roots = new Complex[degree];
        for (var i = 0; i < degree; i++)
        {
            roots[i] = Complex.FromPolarCoordinates(radius * 0.9 + 0.05, (2 * Math.PI * i / degree) + 0.4);
        }

        for (var iteration = 0; iteration < 500; iteration++)
        {
            var change = 0.0;
            for (var i = 0; i < degree; i++)
            {
                var value = Evaluate(monic, roots[i]);
                var denominator = Complex.One;
                for (var j = 0; j < degree; j++)
                {
                    if (j != i)
                    {
                        denominator *= roots[i] - roots[j];
                    }
                }

                if (denominator == Complex.Zero)
                {
                    denominator = new Complex(1e-12, 1e-12);
                }

                var step = value / denominator;
                roots[i] -= step;
                change = Math.Max(change, step.Magnitude / Math.Max(1, roots[i].Magnitude));
            }

            if (change < 1e-15)
            {
                break;
            }
        }

        return roots;
    }

    private static Complex Evaluate(double[] monic, Complex z)
    {
        Complex value = monic[^1];
        for (var i = monic.Length - 2; i >= 0; i--)
        {
            value = value * z + monic[i];
        }

        return value;
    }
}
