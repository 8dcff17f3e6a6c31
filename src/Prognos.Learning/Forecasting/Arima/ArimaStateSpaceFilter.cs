using System.Numerics;

namespace Prognos.Learning.Forecasting.Arima;

/// <summary>
/// Exact Gaussian likelihood of a stationary ARMA process (the differenced series) through Harvey's state-space form
/// and a Kalman filter. The differencing that R's arima keeps in a diffuse part of the state is applied to the data
/// beforehand, which gives the same likelihood (R's diffuse observations are excluded from its sums) with a smaller state.
/// All buffers are allocated once per model; evaluating the likelihood allocates nothing.
/// </summary>
internal sealed class ArimaStateSpaceFilter
{
    // Relative change of the predicted covariance below which the filter is treated as steady (gain frozen).
    private const double SteadyStateTolerance = 1e-12;

    private readonly int _r;
    private readonly double[] _phi;
    private readonly double[] _rVector;
    private readonly double[] _a;
    private readonly double[] _aPredicted;
    private readonly double[] _p;
    private readonly double[] _pPredicted;
    private readonly double[] _pPrevious;
    private readonly double[] _system;
    private readonly double[] _rightHandSide;

    public ArimaStateSpaceFilter(int arLength, int maLength)
    {
        _r = Math.Max(arLength, maLength + 1);
        _phi = new double[_r];
        _rVector = new double[_r];
        _a = new double[_r];
        _aPredicted = new double[_r];
        _p = new double[_r * _r];
        _pPredicted = new double[_r * _r];
        _pPrevious = new double[_r * _r];
        _system = new double[_r * _r];
        _rightHandSide = new double[_r];
    }

    /// <summary>State dimension max(p', q'+1).</summary>
    public int StateDimension => _r;

    /// <summary>Filtered state after the last observation of the most recent <see cref="Run"/>.</summary>
    public ReadOnlySpan<double> FilteredState => _a;

    /// <summary>Filtered state covariance (row-major, scaled so the innovation variance is 1) after the last observation.</summary>
    public ReadOnlySpan<double> FilteredCovariance => _p;

    /// <summary>
    /// Runs the filter over <paramref name="w"/> (NaN = missing) for the expanded polynomials.
    /// Returns false when the AR part is not stationary (no stationary initial covariance).
    /// </summary>
    public bool Run(ReadOnlySpan<double> phi, ReadOnlySpan<double> theta, ReadOnlySpan<double> w, Span<double> standardisedResiduals, out LikelihoodSums sums)
    {
        sums = default;
        var r = _r;
        _phi.AsSpan().Clear();
        phi.CopyTo(_phi);
        _rVector.AsSpan().Clear();
        _rVector[0] = 1;
        theta.CopyTo(_rVector.AsSpan(1));

        // pp holds the predicted covariance for the current step; spare receives the next one.
        var pp = _pPredicted;
        var spare = _pPrevious;
        if (!SolveStationaryCovariance(pp))
        {
            return false;
        }

        var a = _a;
        var ap = _aPredicted;
        Array.Clear(a);
        double ssq = 0, sumLog = 0;
        var nu = 0;
        var steady = false;
        var previousGain = double.NaN;
        var returnResiduals = !standardisedResiduals.IsEmpty;
        var last = w.Length - 1;
        for (var t = 0; t < w.Length; t++)
        {
            // a_{t|t-1} = T a_{t-1|t-1}
            var a0 = a[0];
            for (var i = 0; i < r - 1; i++)
            {
                ap[i] = (_phi[i] * a0) + a[i + 1];
            }

            ap[r - 1] = _phi[r - 1] * a0;
            var observation = w[t];
            if (double.IsNaN(observation))
            {
                ap.AsSpan().CopyTo(a);
                if (returnResiduals)
                {
                    standardisedResiduals[t] = double.NaN;
                }

                if (t == last)
                {
                    pp.AsSpan().CopyTo(_p);
                }

                PredictCovariance(pp, spare);
                (pp, spare) = (spare, pp);
                steady = false;
                continue;
            }

            var gain = pp[0];
            if (!(gain > 0))
            {
                return false;
            }

            var innovation = observation - ap[0];
            ssq += innovation * innovation / gain;
            sumLog += Math.Log(gain);
            nu++;
            if (returnResiduals)
            {
                standardisedResiduals[t] = innovation / Math.Sqrt(gain);
            }

            var scale = innovation / gain;
            for (var i = 0; i < r; i++)
            {
                a[i] = ap[i] + (pp[i] * scale);
            }

            if (t == last)
            {
                FilteredFromPredicted(pp, gain, _p);
                break;
            }

            if (steady)
            {
                continue;
            }

            UpdateAndPredict(pp, gain, spare);
            steady = Math.Abs(gain - previousGain) <= SteadyStateTolerance * gain && HasConverged(spare, pp);
            previousGain = gain;
            (pp, spare) = (spare, pp);
        }

        sums = new LikelihoodSums(ssq, sumLog, nu);
        return true;
    }

    /// <summary>
    /// One fused step for an exact observation: P_filt = P - P e0 e0' P / F has a zero first row, so
    /// next[i, j] = P[i+1, j+1] - P[i+1, 0] P[0, j+1] / F + R_i R_j; rows are contiguous and vectorised.
    /// </summary>
    private void UpdateAndPredict(double[] pp, double gain, double[] next)
    {
        var r = _r;
        var rv = _rVector;
        var row0 = pp.AsSpan(1, r - 1);
        var rHead = rv.AsSpan(0, r - 1);
        for (var i = 0; i < r - 1; i++)
        {
            var source = pp.AsSpan(((i + 1) * r) + 1, r - 1);
            var target = next.AsSpan(i * r, r - 1);
            var c = pp[(i + 1) * r] / gain;
            var ri = rv[i];
            FusedRow(target, source, row0, c, rHead, ri);
            next[(i * r) + r - 1] = ri * rv[r - 1];
        }

        var lastRow = (r - 1) * r;
        var rLast = rv[r - 1];
        for (var j = 0; j < r; j++)
        {
            next[lastRow + j] = rLast * rv[j];
        }
    }

    /// <summary>target = source - c·row0 + ri·rHead, with SIMD where available.</summary>
    private static void FusedRow(Span<double> target, ReadOnlySpan<double> source, ReadOnlySpan<double> row0, double c, ReadOnlySpan<double> rHead, double ri)
    {
        var k = 0;
        var width = Vector<double>.Count;
        if (Vector.IsHardwareAccelerated && target.Length >= width)
        {
            var vc = new Vector<double>(c);
            var vr = new Vector<double>(ri);
            for (; k <= target.Length - width; k += width)
            {
                var value = new Vector<double>(source[k..]) - (vc * new Vector<double>(row0[k..])) + (vr * new Vector<double>(rHead[k..]));
                value.CopyTo(target[k..]);
            }
        }

        for (; k < target.Length; k++)
        {
            target[k] = source[k] - (c * row0[k]) + (ri * rHead[k]);
        }
    }

    /// <summary>P_filt = P - P e0 e0' P / F, for the state covariance the forecasts start from.</summary>
    private void FilteredFromPredicted(double[] pp, double gain, double[] filtered)
    {
        var r = _r;
        for (var i = 0; i < r; i++)
        {
            var c = pp[i] / gain;
            for (var j = 0; j < r; j++)
            {
                filtered[(i * r) + j] = pp[(i * r) + j] - (c * pp[j]);
            }
        }
    }

    /// <summary>
    /// Standardised residuals of the first observations (those R's diffuse prior with κ = 1e6 absorbs) from the full
    /// state (ARMA state, u_{t-1}..u_{t-nd}), so residuals and σ² include the same tiny terms R's do.
    /// </summary>
    public bool DiffuseStartResiduals(ReadOnlySpan<double> phi, ReadOnlySpan<double> theta, ReadOnlySpan<double> delta, ReadOnlySpan<double> u, Span<double> residuals)
    {
        const double kappa = 1e6;
        var r = _r;
        var nd = delta.Length;
        _phi.AsSpan().Clear();
        phi.CopyTo(_phi);
        _rVector.AsSpan().Clear();
        _rVector[0] = 1;
        theta.CopyTo(_rVector.AsSpan(1));
        var stationary = new double[r * r];
        if (!SolveStationaryCovariance(stationary))
        {
            return false;
        }

        var size = r + nd;
        var transition = new double[size * size];
        for (var i = 0; i < r; i++)
        {
            transition[i * size] = _phi[i];
            if (i + 1 < r)
            {
                transition[(i * size) + i + 1] = 1;
            }
        }

        transition[r * size] = 1;
        for (var i = 0; i < nd; i++)
        {
            transition[(r * size) + r + i] = delta[i];
            if (i > 0)
            {
                transition[((r + i) * size) + r + i - 1] = 1;
            }
        }

        var z = new double[size];
        z[0] = 1;
        for (var i = 0; i < nd; i++)
        {
            z[r + i] = delta[i];
        }

        var a = new double[size];
        var p = new double[size * size];
        var pNew = new double[size * size];
        var work = new double[size * size];
        var aNew = new double[size];
        var pz = new double[size];
        for (var i = 0; i < r; i++)
        {
            Array.Copy(stationary, i * r, pNew, i * size, r);
        }

        for (var i = r; i < size; i++)
        {
            pNew[(i * size) + i] = kappa;
        }

        for (var t = 0; t < u.Length; t++)
        {
            if (t > 0)
            {
                for (var i = 0; i < size; i++)
                {
                    var value = 0.0;
                    for (var k = 0; k < size; k++)
                    {
                        value += transition[(i * size) + k] * a[k];
                    }

                    aNew[i] = value;
                }

                for (var i = 0; i < size; i++)
                {
                    for (var j = 0; j < size; j++)
                    {
                        var value = 0.0;
                        for (var k = 0; k < size; k++)
                        {
                            value += transition[(i * size) + k] * p[(k * size) + j];
                        }

                        work[(i * size) + j] = value;
                    }
                }

                for (var i = 0; i < size; i++)
                {
                    for (var j = 0; j < size; j++)
                    {
                        var value = i < r && j < r ? _rVector[i] * _rVector[j] : 0.0;
                        for (var k = 0; k < size; k++)
                        {
                            value += work[(i * size) + k] * transition[(j * size) + k];
                        }

                        pNew[(i * size) + j] = value;
                    }
                }
            }

            if (double.IsNaN(u[t]))
            {
                residuals[t] = double.NaN;
                Array.Copy(aNew, a, size);
                Array.Copy(pNew, p, size * size);
                continue;
            }

            var predicted = 0.0;
            var gain = 0.0;
            for (var i = 0; i < size; i++)
            {
                predicted += z[i] * aNew[i];
                var value = 0.0;
                for (var j = 0; j < size; j++)
                {
                    value += pNew[(i * size) + j] * z[j];
                }

                pz[i] = value;
            }

            for (var i = 0; i < size; i++)
            {
                gain += z[i] * pz[i];
            }

            if (!(gain > 0))
            {
                return false;
            }

            var innovation = u[t] - predicted;
            residuals[t] = innovation / Math.Sqrt(gain);
            for (var i = 0; i < size; i++)
            {
                a[i] = aNew[i] + (pz[i] * innovation / gain);
                for (var j = 0; j < size; j++)
                {
                    p[(i * size) + j] = pNew[(i * size) + j] - (pz[i] * pz[j] / gain);
                }
            }
        }

        return true;
    }

    /// <summary>P_pred = T P T' + R R' using the companion structure of T (O(r²)).</summary>
    private void PredictCovariance(double[] p, double[] pp)
    {
        var r = _r;
        var phi = _phi;
        var rv = _rVector;
        var p00 = p[0];
        for (var i = 0; i < r; i++)
        {
            var pi1 = i + 1 < r ? p[i + 1] : 0.0; // P_{0,i+1} = P_{i+1,0}
            for (var j = i; j < r; j++)
            {
                var pj1 = j + 1 < r ? p[j + 1] : 0.0;
                var inner = (i + 1 < r && j + 1 < r) ? p[((i + 1) * r) + j + 1] : 0.0;
                var value = inner + (phi[i] * pj1) + (phi[j] * pi1) + (phi[i] * phi[j] * p00) + (rv[i] * rv[j]);
                pp[(i * r) + j] = value;
                pp[(j * r) + i] = value;
            }
        }
    }

    private static bool HasConverged(double[] current, double[] previous)
    {
        for (var i = 0; i < current.Length; i++)
        {
            if (Math.Abs(current[i] - previous[i]) > SteadyStateTolerance * (1 + Math.Abs(current[i])))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Solves P = T P T' + R R' for the stationary state covariance. Unrolling the companion structure along
    /// diagonals expresses every entry through the first row x, leaving an r×r linear system for x.
    /// </summary>
    private bool SolveStationaryCovariance(double[] result)
    {
        var r = _r;
        var phi = _phi;
        var rv = _rVector;
        var system = _system;
        var rhs = _rightHandSide;
        Array.Clear(system);
        for (var j = 0; j < r; j++)
        {
            system[(j * r) + j] += 1;
            var b = 0.0;
            for (var s = 0; s + j < r; s++)
            {
                b += rv[s] * rv[j + s];
                system[j * r] -= phi[s] * phi[j + s];
                if (j + s + 1 < r)
                {
                    system[(j * r) + j + s + 1] -= phi[s];
                }

                if (s + 1 < r)
                {
                    system[(j * r) + s + 1] -= phi[j + s];
                }
            }

            rhs[j] = b;
        }

        if (!DenseLinearSolver.SolveInPlace(system, rhs, r))
        {
            return false;
        }

        // rhs now holds the first row; fill the rest from the bottom-right corner upwards.
        for (var j = 0; j < r; j++)
        {
            result[j] = rhs[j];
            result[j * r] = rhs[j];
        }

        for (var i = r - 1; i >= 1; i--)
        {
            for (var j = r - 1; j >= i; j--)
            {
                var xi1 = i + 1 < r ? rhs[i + 1] : 0.0;
                var xj1 = j + 1 < r ? rhs[j + 1] : 0.0;
                var inner = j + 1 < r ? result[((i + 1) * r) + j + 1] : 0.0;
                var value = (rv[i] * rv[j]) + (phi[i] * phi[j] * rhs[0]) + (phi[i] * xj1) + (phi[j] * xi1) + inner;
                result[(i * r) + j] = value;
                result[(j * r) + i] = value;
            }
        }

        return result[0] > 0 && double.IsFinite(result[0]);
    }
}
