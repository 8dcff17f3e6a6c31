namespace Prognos.Learning.Forecasting.Optimisation;

/// <summary>
/// Quasi-Newton BFGS minimisation with central-difference gradients and a backtracking (Armijo) line search;
/// used for smooth likelihoods such as the state-space models'.
/// </summary>
internal static class Bfgs
{
    public static OptimisationResult Minimize(
        ObjectiveFunction f,
        ReadOnlySpan<double> start,
        int maxIterations = 200,
        double gradientTolerance = 1e-6,
        double relativeTolerance = 1e-10)
    {
        var n = start.Length;
        var x = start.ToArray();
        var fx = f(x);
        var evaluations = 1;
        if (!double.IsFinite(fx))
        {
            throw new ForecastingException("The optimiser's starting point has a non-finite objective; the model cannot be estimated on this series.");
        }

        var g = new double[n];
        evaluations += Gradient(f, x, g);
        var h = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            h[i * n + i] = 1;
        }

        var direction = new double[n];
        var xNew = new double[n];
        var gNew = new double[n];
        var s = new double[n];
        var yv = new double[n];
        var hy = new double[n];
        var converged = false;
        for (var iteration = 0; iteration < maxIterations; iteration++)
        {
            if (MaxAbs(g) < gradientTolerance)
            {
                converged = true;
                break;
            }

            for (var i = 0; i < n; i++)
            {
                var sum = 0.0;
                for (var j = 0; j < n; j++)
                {
                    sum -= h[i * n + j] * g[j];
                }

                direction[i] = sum;
            }

            var slope = Dot(direction, g);
            if (slope >= 0)
            {
                // Lost positive definiteness: fall back to steepest descent.
                ResetToIdentity(h, n);
                for (var i = 0; i < n; i++)
                {
                    direction[i] = -g[i];
                }

                slope = Dot(direction, g);
            }

            var step = 1.0;
            var fNew = double.PositiveInfinity;
            for (var tries = 0; tries < 40; tries++)
            {
                for (var i = 0; i < n; i++)
                {
                    xNew[i] = x[i] + step * direction[i];
                }

                fNew = f(xNew);
                evaluations++;
                if (double.IsFinite(fNew) && fNew <= fx + 1e-4 * step * slope)
                {
                    break;
                }

                step *= 0.5;
            }

            if (!(fNew < fx))
            {
                converged = true;
                break;
            }

            evaluations += Gradient(f, xNew, gNew);
            for (var i = 0; i < n; i++)
            {
                s[i] = xNew[i] - x[i];
                yv[i] = gNew[i] - g[i];
            }

            var improvement = fx - fNew;
            xNew.CopyTo(x);
            gNew.CopyTo(g);
            fx = fNew;
            var sy = Dot(s, yv);
            if (sy > 1e-12)
            {
                for (var i = 0; i < n; i++)
                {
                    var sum = 0.0;
                    for (var j = 0; j < n; j++)
                    {
                        sum += h[i * n + j] * yv[j];
                    }

                    hy[i] = sum;
                }

                var yhy = Dot(yv, hy);
                for (var i = 0; i < n; i++)
                {
                    for (var j = 0; j < n; j++)
                    {
                        h[i * n + j] += ((sy + yhy) * s[i] * s[j] / (sy * sy)) - ((hy[i] * s[j] + s[i] * hy[j]) / sy);
                    }
                }
            }

            if (improvement < relativeTolerance * (Math.Abs(fx) + relativeTolerance))
            {
                converged = true;
                break;
            }
        }

        return new OptimisationResult(x, fx, evaluations, converged);
    }

    private static int Gradient(ObjectiveFunction f, double[] x, double[] g)
    {
        Span<double> probe = x.Length <= 64 ? stackalloc double[x.Length] : new double[x.Length];
        x.CopyTo(probe);
        for (var i = 0; i < x.Length; i++)
        {
            var h = 1e-5 * Math.Max(1, Math.Abs(x[i]));
            probe[i] = x[i] + h;
            var up = f(probe);
            probe[i] = x[i] - h;
            var down = f(probe);
            probe[i] = x[i];
            g[i] = double.IsFinite(up) && double.IsFinite(down) ? (up - down) / (2 * h) : 0;
        }

        return 2 * x.Length;
    }

    private static void ResetToIdentity(double[] h, int n)
    {
        Array.Clear(h);
        for (var i = 0; i < n; i++)
        {
            h[i * n + i] = 1;
        }
    }

    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b) => System.Numerics.Tensors.TensorPrimitives.Dot(a, b);

    private static double MaxAbs(ReadOnlySpan<double> a) => System.Numerics.Tensors.TensorPrimitives.MaxMagnitude(a) is var m ? Math.Abs(m) : 0;
}
