namespace Prognos.Learning.Forecasting.Arima;

/// <summary>Least squares without intercept (R's <c>lm(y ~ X - 1)</c>) for starting values of regression coefficients.</summary>
internal static class OrdinaryLeastSquares
{
    /// <summary>Fits y on the columns, skipping rows with NaN; null when the columns are linearly dependent.</summary>
    public static RegressionFit? Fit(ReadOnlySpan<double> y, IReadOnlyList<double[]> columns, int offset = 0)
    {
        var k = columns.Count;
        var xtx = new double[k * k];
        var xty = new double[k];
        var rows = 0;
        for (var t = 0; t < y.Length; t++)
        {
            if (!RowIsComplete(y, columns, offset, t))
            {
                continue;
            }

            rows++;
            for (var i = 0; i < k; i++)
            {
                var xi = columns[i][t + offset];
                xty[i] += xi * y[t];
                for (var j = 0; j < k; j++)
                {
                    xtx[(i * k) + j] += xi * columns[j][t + offset];
                }
            }
        }

        if (rows < k || k == 0)
        {
            return null;
        }

        // Invert X'X column by column; a tiny pivot relative to the diagonal means rank deficiency.
        var inverse = new double[k * k];
        var maxDiagonal = 0.0;
        for (var i = 0; i < k; i++)
        {
            maxDiagonal = Math.Max(maxDiagonal, xtx[(i * k) + i]);
        }

        for (var column = 0; column < k; column++)
        {
            var copy = (double[])xtx.Clone();
            var unit = new double[k];
            unit[column] = 1;
            if (!DenseLinearSolver.SolveInPlace(copy, unit, k) || !IsWellConditioned(copy, k, maxDiagonal))
            {
                return null;
            }

            for (var row = 0; row < k; row++)
            {
                inverse[(row * k) + column] = unit[row];
            }
        }

        var coefficients = new double[k];
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < k; j++)
            {
                coefficients[i] += inverse[(i * k) + j] * xty[j];
            }
        }

        var residualSquares = 0.0;
        for (var t = 0; t < y.Length; t++)
        {
            if (!RowIsComplete(y, columns, offset, t))
            {
                continue;
            }

            var fitted = 0.0;
            for (var i = 0; i < k; i++)
            {
                fitted += coefficients[i] * columns[i][t + offset];
            }

            residualSquares += (y[t] - fitted) * (y[t] - fitted);
        }

        var variance = rows > k ? residualSquares / (rows - k) : double.NaN;
        var standardErrors = new double[k];
        for (var i = 0; i < k; i++)
        {
            standardErrors[i] = Math.Sqrt(variance * inverse[(i * k) + i]);
        }

        return new RegressionFit(coefficients, standardErrors);
    }

    private static bool RowIsComplete(ReadOnlySpan<double> y, IReadOnlyList<double[]> columns, int offset, int t)
    {
        if (double.IsNaN(y[t]))
        {
            return false;
        }

        foreach (var column in columns)
        {
            if (double.IsNaN(column[t + offset]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsWellConditioned(double[] eliminated, int k, double maxDiagonal)
    {
        for (var i = 0; i < k; i++)
        {
            if (Math.Abs(eliminated[(i * k) + i]) < 1e-12 * maxDiagonal)
            {
                return false;
            }
        }

        return true;
    }
}
