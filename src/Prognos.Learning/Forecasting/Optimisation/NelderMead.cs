namespace Prognos.Learning.Forecasting.Optimisation;

/// <summary>
/// Nelder–Mead simplex minimisation with restarts (R's <c>optim</c> default coefficients: reflect 1, contract 0.5,
/// expand 2, shrink 0.5). Infeasible points return +Infinity and are simply never accepted.
/// </summary>
internal static class NelderMead
{
    public static OptimisationResult Minimize(
        ObjectiveFunction f,
        ReadOnlySpan<double> start,
        ReadOnlySpan<double> steps,
        int maxEvaluations = 4000,
        double relativeTolerance = 1e-8,
        int maxRestarts = 3)
    {
        var n = start.Length;
        var best = start.ToArray();
        var bestValue = f(best);
        var evaluations = 1;
        var converged = false;
        if (n == 0)
        {
            return new OptimisationResult(best, bestValue, evaluations, true);
        }

        var simplex = new double[(n + 1) * n];
        var values = new double[n + 1];
        var centroid = new double[n];
        var trial = new double[n];
        var trial2 = new double[n];
        var anchor = new double[n];
        for (var run = 0; run <= maxRestarts && evaluations < maxEvaluations; run++)
        {
            var before = bestValue;
            converged = Run(f, best, ref bestValue, steps, simplex, values, centroid, trial, trial2, anchor, maxEvaluations, relativeTolerance, ref evaluations);

            // A restart from the optimum escapes a collapsed simplex; stop once it no longer helps.
            if (run > 0 && !(before - bestValue > relativeTolerance * (Math.Abs(bestValue) + relativeTolerance)))
            {
                break;
            }
        }

        return new OptimisationResult(best, bestValue, evaluations, converged);
    }

    private static bool Run(
        ObjectiveFunction f,
        double[] best,
        ref double bestValue,
        ReadOnlySpan<double> steps,
        double[] simplex,
        double[] values,
        double[] centroid,
        double[] trial,
        double[] trial2,
        double[] lowVertex,
        int maxEvaluations,
        double tolerance,
        ref int evaluations)
    {
        var n = best.Length;
        Span<double> Vertex(int i) => simplex.AsSpan(i * n, n);

        // Gao & Han (2012) adaptive coefficients: the classic ones stall in the 10–20 dimensions seasonal ETS needs.
        var expansion = 1 + 2.0 / n;
        var contraction = 0.75 - 1.0 / (2 * n);
        var shrink = 1 - 1.0 / n;
        if (n <= 2)
        {
            (expansion, contraction, shrink) = (2, 0.5, 0.5);
        }

        best.CopyTo(Vertex(0));
        values[0] = bestValue;
        for (var i = 1; i <= n; i++)
        {
            var v = Vertex(i);
            best.CopyTo(v);
            v[i - 1] += steps[i - 1];
            values[i] = f(v);
            if (double.IsPositiveInfinity(values[i]) || double.IsNaN(values[i]))
            {
                // Step the other way when the first try leaves the feasible region.
                v[i - 1] = best[i - 1] - steps[i - 1];
                values[i] = Sanitize(f(v));
                evaluations++;
            }

            evaluations++;
        }

        var converged = false;
        while (evaluations < maxEvaluations)
        {
            int hi = 0, lo = 0;
            for (var i = 1; i <= n; i++)
            {
                if (values[i] > values[hi])
                {
                    hi = i;
                }

                if (values[i] < values[lo])
                {
                    lo = i;
                }
            }

            var secondHi = lo;
            for (var i = 0; i <= n; i++)
            {
                if (i != hi && values[i] > values[secondHi])
                {
                    secondHi = i;
                }
            }

            if (values[hi] <= values[lo] + tolerance * (Math.Abs(values[lo]) + tolerance) && double.IsFinite(values[hi]))
            {
                converged = true;
                break;
            }

            Array.Clear(centroid);
            for (var i = 0; i <= n; i++)
            {
                if (i == hi)
                {
                    continue;
                }

                var v = Vertex(i);
                for (var j = 0; j < n; j++)
                {
                    centroid[j] += v[j];
                }
            }

            for (var j = 0; j < n; j++)
            {
                centroid[j] /= n;
            }

            var worst = Vertex(hi);
            for (var j = 0; j < n; j++)
            {
                trial[j] = centroid[j] + (centroid[j] - worst[j]);
            }

            var reflected = Sanitize(f(trial));
            evaluations++;
            if (reflected < values[lo])
            {
                for (var j = 0; j < n; j++)
                {
                    trial2[j] = centroid[j] + expansion * (centroid[j] - worst[j]);
                }

                var expanded = Sanitize(f(trial2));
                evaluations++;
                if (expanded < reflected)
                {
                    trial2.CopyTo(worst);
                    values[hi] = expanded;
                }
                else
                {
                    trial.CopyTo(worst);
                    values[hi] = reflected;
                }

                continue;
            }

            if (reflected < values[secondHi])
            {
                trial.CopyTo(worst);
                values[hi] = reflected;
                continue;
            }

            // Contract towards the better of the worst point and its reflection.
            var outside = reflected < values[hi];
            for (var j = 0; j < n; j++)
            {
                trial2[j] = outside ? centroid[j] + contraction * (trial[j] - centroid[j]) : centroid[j] - contraction * (centroid[j] - worst[j]);
            }

            var contracted = Sanitize(f(trial2));
            evaluations++;
            if (contracted < Math.Min(reflected, values[hi]))
            {
                trial2.CopyTo(worst);
                values[hi] = contracted;
                continue;
            }

            Vertex(lo).CopyTo(lowVertex);
            for (var i = 0; i <= n; i++)
            {
                if (i == lo)
                {
                    continue;
                }

                var v = Vertex(i);
                for (var j = 0; j < n; j++)
                {
                    v[j] = lowVertex[j] + shrink * (v[j] - lowVertex[j]);
                }

                values[i] = Sanitize(f(v));
                evaluations++;
            }

            // A shrink that no longer moves the points means the simplex has collapsed.
            var size = 0.0;
            for (var i = 0; i <= n; i++)
            {
                var v = Vertex(i);
                for (var j = 0; j < n; j++)
                {
                    size = Math.Max(size, Math.Abs(v[j] - lowVertex[j]));
                }
            }

            if (size < 1e-14)
            {
                break;
            }
        }

        var bestIndex = 0;
        for (var i = 1; i <= n; i++)
        {
            if (values[i] < values[bestIndex])
            {
                bestIndex = i;
            }
        }

        if (values[bestIndex] < bestValue)
        {
            bestValue = values[bestIndex];
            Vertex(bestIndex).CopyTo(best);
        }

        return converged;
    }

    private static double Sanitize(double value) => double.IsNaN(value) ? double.PositiveInfinity : value;
}
