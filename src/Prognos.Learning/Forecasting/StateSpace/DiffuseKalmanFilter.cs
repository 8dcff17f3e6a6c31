namespace Prognos.Learning.Forecasting.StateSpace;

/// <summary>
/// Univariate Kalman filter for structural models whose states all start diffuse. Exact mode follows Durbin &amp; Koopman
/// (2012, §5.2, §7.2.2): P = κI with κ → ∞, and a diffuse period adds −½(log 2π + log F∞). Approximate mode is
/// statsmodels' default: P₀ = 10⁶·I and the first k (number of states) log-likelihood terms are left out
/// (<c>loglikelihood_burn</c>). Work arrays are allocated once, so repeated evaluations do not allocate.
/// </summary>
internal sealed class DiffuseKalmanFilter
{
    public const double ApproximateDiffuseVariance = 1e6;
    private const double DiffuseTolerance = 1e-8;
    private readonly StructuralModel _model;
    private readonly int _k;
    private readonly double[] _a;
    private readonly double[] _pStar;
    private readonly double[] _pInf;
    private readonly double[] _mStar;
    private readonly double[] _mInf;
    private readonly double[] _temp;
    private readonly double[] _noise;

    public DiffuseKalmanFilter(StructuralModel model, bool exactDiffuse = false)
    {
        ExactDiffuse = exactDiffuse;
        _model = model;
        _k = model.StateCount;
        _a = new double[_k];
        _pStar = new double[_k * _k];
        _pInf = new double[_k * _k];
        _mStar = new double[_k];
        _mInf = new double[_k];
        _temp = new double[_k * _k];
        _noise = new double[_k];
    }

    public bool ExactDiffuse { get; }

    /// <summary>The predicted state for the period after the data (valid after <see cref="Run"/>).</summary>
    public ReadOnlySpan<double> State => _a;

    /// <summary>The predicted state covariance for the period after the data (valid after <see cref="Run"/>).</summary>
    public ReadOnlySpan<double> Covariance => _pStar;

    /// <summary>Number of periods left out of (approximate) or diffuse in (exact) the log-likelihood in the last run.</summary>
    public int DiffusePeriods { get; private set; }

    /// <summary>True when the last run ended with the state still (partly) diffuse — too little data to identify it.</summary>
    public bool StillDiffuse { get; private set; }

    /// <summary>Filters <paramref name="y"/> (already net of regression effects) and returns the exact diffuse log-likelihood.</summary>
    public double Run(ReadOnlySpan<double> y, ReadOnlySpan<double> variances, Span<double> predictions)
    {
        var k = _k;
        var z = _model.Design;
        var h = variances[0];
        _model.StateNoise(variances, _noise);
        Array.Clear(_a);
        Array.Clear(_pStar);
        Array.Clear(_pInf);
        for (var i = 0; i < k; i++)
        {
            if (ExactDiffuse)
            {
                _pInf[i * k + i] = 1;
            }
            else
            {
                _pStar[i * k + i] = ApproximateDiffuseVariance;
            }
        }

        var diffuse = ExactDiffuse;
        var burn = ExactDiffuse ? 0 : Math.Min(k, y.Length);
        DiffusePeriods = burn;
        var loglik = 0.0;
        const double logTwoPi = 1.8378770664093453;
        for (var t = 0; t < y.Length; t++)
        {
            var prediction = Dot(z, _a);
            if (predictions.Length > 0)
            {
                predictions[t] = prediction;
            }

            var v = y[t] - prediction;
            MultiplyVector(_pStar, z, _mStar);
            var fStar = Dot(z, _mStar) + h;
            if (diffuse)
            {
                MultiplyVector(_pInf, z, _mInf);
                var fInf = Dot(z, _mInf);
                if (fInf > DiffuseTolerance)
                {
                    // a += M∞ v / F∞; P* += M∞M∞'F*/F∞² − (M*M∞' + M∞M*')/F∞; P∞ −= M∞M∞'/F∞.
                    var inverse = 1 / fInf;
                    for (var i = 0; i < k; i++)
                    {
                        _a[i] += _mInf[i] * v * inverse;
                        for (var j = 0; j < k; j++)
                        {
                            _pStar[i * k + j] += (_mInf[i] * _mInf[j] * fStar * inverse * inverse)
                                - ((_mStar[i] * _mInf[j]) + (_mInf[i] * _mStar[j])) * inverse;
                            _pInf[i * k + j] -= _mInf[i] * _mInf[j] * inverse;
                        }
                    }

                    loglik -= 0.5 * (logTwoPi + Math.Log(fInf));
                    DiffusePeriods++;
                }
                else
                {
                    loglik -= 0.5 * (logTwoPi + Math.Log(fStar) + v * v / fStar);
                    UpdateFinite(v, fStar);
                }
            }
            else
            {
                if (t >= burn)
                {
                    loglik -= 0.5 * (logTwoPi + Math.Log(fStar) + v * v / fStar);
                }

                UpdateFinite(v, fStar);
            }

            Predict(_pStar, addNoise: true);
            if (diffuse)
            {
                Predict(_pInf, addNoise: false);
                diffuse = MaxAbs(_pInf) > DiffuseTolerance;
            }

            TransformState();
        }

        StillDiffuse = diffuse;
        return loglik;
    }

    private void UpdateFinite(double v, double f)
    {
        var k = _k;
        var inverse = 1 / f;
        for (var i = 0; i < k; i++)
        {
            _a[i] += _mStar[i] * v * inverse;
            for (var j = 0; j < k; j++)
            {
                _pStar[i * k + j] -= _mStar[i] * _mStar[j] * inverse;
            }
        }
    }

    /// <summary>P ← T P T' (+ diagonal noise), using only the non-zero entries of T.</summary>
    private void Predict(double[] p, bool addNoise)
    {
        var k = _k;
        var starts = _model.RowStarts;
        var columns = _model.Columns;
        var values = _model.Values;

        // temp = T P
        for (var i = 0; i < k; i++)
        {
            var row = _temp.AsSpan(i * k, k);
            row.Clear();
            for (var e = starts[i]; e < starts[i + 1]; e++)
            {
                var value = values[e];
                var source = p.AsSpan(columns[e] * k, k);
                for (var j = 0; j < k; j++)
                {
                    row[j] += value * source[j];
                }
            }
        }

        // P = temp T'
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < k; j++)
            {
                var sum = 0.0;
                for (var e = starts[j]; e < starts[j + 1]; e++)
                {
                    sum += _temp[i * k + columns[e]] * values[e];
                }

                p[i * k + j] = sum;
            }

            if (addNoise)
            {
                p[i * k + i] += _noise[i];
            }
        }
    }

    private void TransformState()
    {
        var k = _k;
        Span<double> next = stackalloc double[k];
        for (var i = 0; i < k; i++)
        {
            var sum = 0.0;
            for (var e = _model.RowStarts[i]; e < _model.RowStarts[i + 1]; e++)
            {
                sum += _model.Values[e] * _a[_model.Columns[e]];
            }

            next[i] = sum;
        }

        next.CopyTo(_a);
    }

    private void MultiplyVector(double[] p, double[] z, double[] result)
    {
        var k = _k;
        for (var i = 0; i < k; i++)
        {
            var sum = 0.0;
            for (var j = 0; j < k; j++)
            {
                sum += p[i * k + j] * z[j];
            }

            result[i] = sum;
        }
    }

    private static double Dot(double[] a, double[] b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    private static double MaxAbs(double[] values)
    {
        var max = 0.0;
        foreach (var v in values)
        {
            max = Math.Max(max, Math.Abs(v));
        }

        return max;
    }
}
