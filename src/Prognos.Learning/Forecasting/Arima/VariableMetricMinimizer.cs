namespace Prognos.Learning.Forecasting.Arima;

/// <summary>
/// BFGS (Nash's variable-metric method, the algorithm behind R's <c>optim(method = "BFGS")</c>) with
/// central-difference gradients on parameters divided by a scale, using R's defaults
/// (reltol = √ε, ndeps = 1e-3, maxit = 100) so the optimiser stops where R's does.
/// </summary>
internal sealed class VariableMetricMinimizer
{
    private const double StepReduction = 0.2;
    private const double AcceptanceTolerance = 1e-4;
    private const double RelativeTest = 10.0;

    public int MaxIterations { get; init; } = 100;

    public double RelativeTolerance { get; init; } = 1.490116119384765625e-8;

    public double GradientStep { get; init; } = 1e-3;

    /// <summary>Minimises <paramref name="objective"/> from <paramref name="start"/>; <paramref name="scale"/> is R's parscale.</summary>
    public MinimizationResult Minimize(Func<double[], double> objective, double[] start, double[] scale)
    {
        var n = start.Length;
        var point = new double[n];
        var evaluationBuffer = new double[n];
        for (var i = 0; i < n; i++)
        {
            point[i] = start[i] / scale[i];
        }

        double Evaluate(double[] scaled)
        {
            for (var i = 0; i < n; i++)
            {
                evaluationBuffer[i] = scaled[i] * scale[i];
            }

            return objective(evaluationBuffer);
        }

        bool Gradient(double[] scaled, double[] gradient)
        {
            for (var i = 0; i < n; i++)
            {
                var original = scaled[i];
                scaled[i] = original + GradientStep;
                var up = Evaluate(scaled);
                scaled[i] = original - GradientStep;
                var down = Evaluate(scaled);
                scaled[i] = original;
                gradient[i] = (up - down) / (2 * GradientStep);
                if (!double.IsFinite(gradient[i]))
                {
                    return false;
                }
            }

            return true;
        }

        MinimizationResult Result(double value, bool converged, bool failed)
        {
            var parameters = new double[n];
            for (var i = 0; i < n; i++)
            {
                parameters[i] = point[i] * scale[i];
            }

            return new MinimizationResult(parameters, value, converged, failed);
        }

        var f = Evaluate(point);
        if (!double.IsFinite(f))
        {
            return Result(f, false, true);
        }

        if (n == 0 || MaxIterations <= 0)
        {
            return Result(f, true, false);
        }

        var fmin = f;
        var g = new double[n];
        if (!Gradient(point, g))
        {
            return Result(fmin, false, true);
        }

        var b = new double[n * n];
        var x = new double[n];
        var c = new double[n];
        var t = new double[n];
        var iterations = 1;
        var gradientCount = 1;
        var lastReset = gradientCount;
        int count;
        do
        {
            if (lastReset == gradientCount)
            {
                Array.Clear(b);
                for (var i = 0; i < n; i++)
                {
                    b[(i * n) + i] = 1;
                }
            }

            Array.Copy(point, x, n);
            Array.Copy(g, c, n);
            var gradientProjection = 0.0;
            for (var i = 0; i < n; i++)
            {
                var s = 0.0;
                for (var j = 0; j < n; j++)
                {
                    s -= b[(i * n) + j] * g[j];
                }

                t[i] = s;
                gradientProjection += s * g[i];
            }

            if (gradientProjection < 0)
            {
                var stepLength = 1.0;
                var accepted = false;
                do
                {
                    count = 0;
                    for (var i = 0; i < n; i++)
                    {
                        point[i] = x[i] + (stepLength * t[i]);
                        if (RelativeTest + x[i] == RelativeTest + point[i])
                        {
                            count++;
                        }
                    }

                    if (count < n)
                    {
                        f = Evaluate(point);
                        accepted = double.IsFinite(f) && f <= fmin + (gradientProjection * stepLength * AcceptanceTolerance);
                        if (!accepted)
                        {
                            stepLength *= StepReduction;
                        }
                    }
                }
                while (!(count == n || accepted));

                var enough = Math.Abs(f - fmin) > RelativeTolerance * (Math.Abs(fmin) + RelativeTolerance);
                if (!enough)
                {
                    count = n;
                    fmin = f;
                }

                if (count < n)
                {
                    fmin = f;
                    if (!Gradient(point, g))
                    {
                        return Result(fmin, false, true);
                    }

                    gradientCount++;
                    iterations++;
                    var d1 = 0.0;
                    for (var i = 0; i < n; i++)
                    {
                        t[i] *= stepLength;
                        c[i] = g[i] - c[i];
                        d1 += t[i] * c[i];
                    }

                    if (d1 > 0)
                    {
                        var d2 = 0.0;
                        for (var i = 0; i < n; i++)
                        {
                            var s = 0.0;
                            for (var j = 0; j < n; j++)
                            {
                                s += b[(i * n) + j] * c[j];
                            }

                            x[i] = s;
                            d2 += s * c[i];
                        }

                        d2 = 1 + (d2 / d1);
                        for (var i = 0; i < n; i++)
                        {
                            for (var j = 0; j < n; j++)
                            {
                                b[(i * n) + j] += ((d2 * t[i] * t[j]) - (x[i] * t[j]) - (t[i] * x[j])) / d1;
                            }
                        }
                    }
                    else
                    {
                        lastReset = gradientCount;
                    }
                }
                else if (lastReset < gradientCount)
                {
                    count = 0;
                    lastReset = gradientCount;
                }
            }
            else
            {
                count = 0;
                if (lastReset == gradientCount)
                {
                    count = n;
                }
                else
                {
                    lastReset = gradientCount;
                }
            }

            if (iterations >= MaxIterations)
            {
                break;
            }

            if (gradientCount - lastReset > 2 * n)
            {
                lastReset = gradientCount;
            }
        }
        while (count != n || lastReset != gradientCount);

        return Result(fmin, iterations < MaxIterations, false);
    }
}
