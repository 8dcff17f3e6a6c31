namespace Prognos.Learning.Forecasting.Arima;

/// <summary>Gaussian elimination with partial pivoting on small dense systems, in place.</summary>
internal static class DenseLinearSolver
{
    /// <summary>Solves A x = b for row-major A (n×n); b is overwritten by x. False when A is (numerically) singular.</summary>
    public static bool SolveInPlace(Span<double> a, Span<double> b, int n)
    {
        for (var column = 0; column < n; column++)
        {
            var pivotRow = column;
            var pivotValue = Math.Abs(a[(column * n) + column]);
            for (var row = column + 1; row < n; row++)
            {
                var value = Math.Abs(a[(row * n) + column]);
                if (value > pivotValue)
                {
                    pivotValue = value;
                    pivotRow = row;
                }
            }

            if (!(pivotValue > 1e-300))
            {
                return false;
            }

            if (pivotRow != column)
            {
                for (var k = 0; k < n; k++)
                {
                    (a[(column * n) + k], a[(pivotRow * n) + k]) = (a[(pivotRow * n) + k], a[(column * n) + k]);
                }

                (b[column], b[pivotRow]) = (b[pivotRow], b[column]);
            }

            var pivot = a[(column * n) + column];
            for (var row = column + 1; row < n; row++)
            {
                var factor = a[(row * n) + column] / pivot;
                if (factor == 0)
                {
                    continue;
                }

                for (var k = column; k < n; k++)
                {
                    a[(row * n) + k] -= factor * a[(column * n) + k];
                }

                b[row] -= factor * b[column];
            }
        }

        for (var row = n - 1; row >= 0; row--)
        {
            var sum = b[row];
            for (var k = row + 1; k < n; k++)
            {
                sum -= a[(row * n) + k] * b[k];
            }

            b[row] = sum / a[(row * n) + row];
        }

        return true;
    }
}
