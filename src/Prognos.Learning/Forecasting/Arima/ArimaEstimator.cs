namespace Prognos.Learning.Forecasting.Arima;

/// <summary>
/// Estimates a regression with seasonal ARIMA errors the way R's <c>stats::arima</c> does: CSS starting values,
/// then exact Gaussian maximum likelihood with AR parts kept stationary through the partial-autocorrelation
/// transform and MA parts reflected to invertibility, optimised by BFGS with numerical gradients.
/// </summary>
internal sealed class ArimaEstimator
{
    private readonly double[] _y;
    private readonly ArimaOrder _order;
    private readonly IReadOnlyList<ArimaRegressor> _regressors;
    private readonly double[] _delta;
    private readonly double[] _dy;
    private readonly double[][] _dx;
    private readonly double[] _w;
    private readonly double[] _phi;
    private readonly double[] _theta;
    private readonly double[] _scratch;
    private readonly double[] _cssResiduals;
    private readonly double[] _full;
    private readonly int[] _freeIndex;
    private readonly ArimaStateSpaceFilter _filter;
    private readonly int _narma;

    private ArimaEstimator(double[] y, ArimaOrder order, IReadOnlyList<ArimaRegressor> regressors)
    {
        _y = y;
        _order = order;
        _regressors = regressors;
        _delta = ArimaPolynomials.DifferencingCoefficients(order);
        _dy = ArimaPolynomials.Difference(y, _delta);
        _dx = regressors.Select(r => ArimaPolynomials.Difference(r.Values, _delta)).ToArray();
        _w = new double[_dy.Length];
        _phi = new double[ArimaPolynomials.ExpandedArLength(order)];
        _theta = new double[ArimaPolynomials.ExpandedMaLength(order)];
        _scratch = new double[(2 * (order.P + order.SeasonalP)) + 2];
        _cssResiduals = new double[_dy.Length];
        _narma = order.ArmaCount;
        _full = new double[_narma + regressors.Count];
        _freeIndex = Enumerable.Range(0, _full.Length).Where(i => i < _narma || regressors[i - _narma].FixedValue is null).ToArray();
        _filter = new ArimaStateSpaceFilter(_phi.Length, _theta.Length);
    }

    /// <summary>Fits the model; returns null with a reason when R's arima would stop with an error.</summary>
    public static ArimaEstimate? Fit(double[] y, ArimaOrder order, IReadOnlyList<ArimaRegressor> regressors, ArimaEstimationMethod method, out string? failure)
    {
        var estimator = new ArimaEstimator(y, order, regressors);
        return estimator.Run(method, out failure);
    }

    private ArimaEstimate? Run(ArimaEstimationMethod method, out string? failure)
    {
        failure = null;
        var order = _order;
        var nd = _delta.Length;
        var nonMissing = _y.Count(v => !double.IsNaN(v));
        var usedObservations = nonMissing - nd;
        if (_dy.Length == 0 || usedObservations < 1)
        {
            failure = $"{order} needs more than {nd} observations after differencing.";
            return null;
        }

        var init = new double[_full.Length];
        var scale = Enumerable.Repeat(1.0, _full.Length).ToArray();
        if (_regressors.Count > 0 && !InitialiseRegression(init, scale, out failure))
        {
            return null;
        }

        for (var j = 0; j < _regressors.Count; j++)
        {
            if (_regressors[j].FixedValue is { } value)
            {
                init[_narma + j] = value;
            }
        }

        Array.Copy(init, _full, init.Length);
        var minimizer = new VariableMetricMinimizer();
        var free = _freeIndex;
        var freeStart = free.Select(i => init[i]).ToArray();
        var freeScale = free.Select(i => scale[i]).ToArray();
        var converged = true;
        double cssValue = double.NaN;
        if (free.Length == 0)
        {
            return Finish(method == ArimaEstimationMethod.ConditionalSumOfSquares ? ArimaEstimationMethod.MaximumLikelihood : method, init, usedObservations, double.NaN, converged: true, out failure);
        }

        if (method != ArimaEstimationMethod.MaximumLikelihood)
        {
            var css = minimizer.Minimize(ConditionalSumOfSquaresObjective, freeStart, freeScale);
            if (css.Failed)
            {
                failure = "the conditional-sum-of-squares fit did not produce finite values.";
                return null;
            }

            // As R: keep the CSS estimate only when the optimiser converged.
            if (css.Converged)
            {
                freeStart = css.Parameters;
            }

            cssValue = css.Value;
            converged = css.Converged;
            Scatter(freeStart, init);
            if (method == ArimaEstimationMethod.ConditionalSumOfSquaresThenMaximumLikelihood)
            {
                if (!ArimaPolynomials.IsStationary(init.AsSpan(0, order.P)))
                {
                    failure = "non-stationary AR part from CSS.";
                    return null;
                }

                if (!ArimaPolynomials.IsStationary(init.AsSpan(order.P + order.Q, order.SeasonalP)))
                {
                    failure = "non-stationary seasonal AR part from CSS.";
                    return null;
                }
            }
        }

        var coefficients = (double[])init.Clone();
        if (method != ArimaEstimationMethod.ConditionalSumOfSquares)
        {
            ToUnconstrained(init);
            freeStart = free.Select(i => init[i]).ToArray();
            var ml = minimizer.Minimize(LikelihoodObjective, freeStart, freeScale);
            if (ml.Failed)
            {
                failure = "the likelihood optimisation produced non-finite values.";
                return null;
            }

            converged = ml.Converged;
            Scatter(ml.Parameters, init);
            coefficients = init;
            InvertMovingAverages(coefficients);
            FromUnconstrained(coefficients);
        }

        return Finish(method, coefficients, usedObservations, cssValue, converged, out failure);
    }

    private ArimaEstimate? Finish(ArimaEstimationMethod method, double[] coefficients, int usedObservations, double cssValue, bool converged, out string? failure)
    {
        failure = null;
        var order = _order;
        ArimaPolynomials.Expand(coefficients, order, transform: false, _phi, _theta, _scratch);
        ComputeRegressionErrors(coefficients);
        var standardised = new double[_w.Length];
        if (!_filter.Run(_phi, _theta, _w, standardised, out var sums) || sums.Count == 0)
        {
            failure = "the fitted AR part is not stationary.";
            return null;
        }

        double objective, sigma2;
        if (method == ArimaEstimationMethod.ConditionalSumOfSquares)
        {
            objective = cssValue;
            sigma2 = Math.Exp(2 * cssValue);
        }
        else
        {
            objective = sums.Objective;
            sigma2 = sums.SumOfSquares / usedObservations;
        }

        var logLikelihood = -0.5 * ((2 * usedObservations * objective) + usedObservations + (usedObservations * Math.Log(2 * Math.PI)));
        // With nothing estimated an exact fit (σ² = 0, infinite likelihood) is allowed, as R reports it.
        if (double.IsNaN(logLikelihood) || (double.IsInfinity(logLikelihood) && _freeIndex.Length > 0))
        {
            failure = "the likelihood is not finite.";
            return null;
        }

        var nd = _delta.Length;
        var residuals = new double[_y.Length];
        var head = new double[nd];
        for (var t = 0; t < nd; t++)
        {
            head[t] = RegressionError(coefficients, t);
        }

        var finalState = _filter.FilteredState.ToArray();
        var finalCovariance = _filter.FilteredCovariance.ToArray();

        // The first nd residuals (R's diffuse start) are filled in only for the model that is kept.
        Array.Fill(residuals, double.NaN, 0, nd);
        Array.Copy(standardised, 0, residuals, nd, standardised.Length);
        var ssq = 0.0;
        foreach (var e in residuals)
        {
            if (!double.IsNaN(e))
            {
                ssq += e * e;
            }
        }

        // u = y - Xβ over the last nd points: the differencing memory the forecasts start from.
        var lastErrors = new double[nd];
        for (var i = 0; i < nd; i++)
        {
            lastErrors[i] = RegressionError(coefficients, _y.Length - nd + i);
        }

        var names = CoefficientNames(order, _regressors);
        return new ArimaEstimate(
            order,
            method,
            names,
            coefficients,
            _freeIndex.Length,
            logLikelihood,
            sigma2,
            ssq,
            residuals,
            usedObservations,
            SpanCount(_y),
            (double[])_phi.Clone(),
            (double[])_theta.Clone(),
            _delta,
            finalState,
            finalCovariance,
            lastErrors,
            head,
            converged);
    }

    private double RegressionError(double[] coefficients, int t)
    {
        var value = _y[t];
        for (var j = 0; j < _regressors.Count; j++)
        {
            value -= coefficients[_narma + j] * _regressors[j].Values[t];
        }

        return value;
    }

    internal static string[] CoefficientNames(ArimaOrder order, IReadOnlyList<ArimaRegressor> regressors)
    {
        var names = new List<string>();
        names.AddRange(Enumerable.Range(1, order.P).Select(i => $"ar{i}"));
        names.AddRange(Enumerable.Range(1, order.Q).Select(i => $"ma{i}"));
        names.AddRange(Enumerable.Range(1, order.SeasonalP).Select(i => $"sar{i}"));
        names.AddRange(Enumerable.Range(1, order.SeasonalQ).Select(i => $"sma{i}"));
        names.AddRange(regressors.Select(r => r.Name));
        return [.. names];
    }

    private static int SpanCount(double[] y)
    {
        var first = Array.FindIndex(y, v => !double.IsNaN(v));
        var last = Array.FindLastIndex(y, v => !double.IsNaN(v));
        if (first < 0)
        {
            return 0;
        }

        var count = 0;
        for (var t = first; t <= last; t++)
        {
            if (!double.IsNaN(y[t]))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Regression starting values from least squares on the differenced data, scales 10·SE (as R).</summary>
    private bool InitialiseRegression(double[] init, double[] scale, out string? failure)
    {
        failure = null;
        var freeColumns = Enumerable.Range(0, _regressors.Count).Where(j => _regressors[j].FixedValue is null).ToArray();
        if (freeColumns.Length == 0)
        {
            return true;
        }

        var fit = _dy.Length > freeColumns.Length ? OrdinaryLeastSquares.Fit(_dy, freeColumns.Select(j => _dx[j]).ToArray()) : null;
        fit ??= OrdinaryLeastSquares.Fit(_y, freeColumns.Select(j => _regressors[j].Values).ToArray());
        if (fit is null)
        {
            failure = $"the regression columns ({string.Join(", ", freeColumns.Select(j => _regressors[j].Name))}) are linearly dependent or constant after differencing.";
            return false;
        }

        for (var i = 0; i < freeColumns.Length; i++)
        {
            init[_narma + freeColumns[i]] = fit.Coefficients[i];
            var se = fit.StandardErrors[i];
            scale[_narma + freeColumns[i]] = double.IsFinite(se) && se > 0 ? 10 * se : 1;
        }

        return true;
    }

    private void Scatter(double[] freeValues, double[] target)
    {
        for (var i = 0; i < _freeIndex.Length; i++)
        {
            target[_freeIndex[i]] = freeValues[i];
        }
    }

    private void ComputeRegressionErrors(ReadOnlySpan<double> coefficients)
    {
        _dy.AsSpan().CopyTo(_w);
        for (var j = 0; j < _dx.Length; j++)
        {
            var beta = coefficients[_narma + j];
            var column = _dx[j];
            for (var t = 0; t < _w.Length; t++)
            {
                _w[t] -= beta * column[t];
            }
        }
    }

    private double ConditionalSumOfSquaresObjective(double[] freeValues)
    {
        Scatter(freeValues, _full);
        ArimaPolynomials.Expand(_full, _order, transform: false, _phi, _theta, _scratch);
        ComputeRegressionErrors(_full);
        var w = _w;
        var phi = _phi;
        var theta = _theta;
        var residuals = _cssResiduals;
        var conditioning = _order.P + (_order.Period * _order.SeasonalP);
        double ssq = 0;
        var nu = 0;
        for (var t = 0; t < w.Length; t++)
        {
            if (t < conditioning)
            {
                residuals[t] = 0;
                continue;
            }

            var value = w[t];
            for (var j = 0; j < phi.Length; j++)
            {
                value -= phi[j] * w[t - j - 1];
            }

            var maTerms = Math.Min(t - conditioning, theta.Length);
            for (var j = 0; j < maTerms; j++)
            {
                value -= theta[j] * residuals[t - j - 1];
            }

            residuals[t] = value;
            if (!double.IsNaN(value))
            {
                nu++;
                ssq += value * value;
            }
        }

        return 0.5 * Math.Log(ssq / nu);
    }

    private double LikelihoodObjective(double[] freeValues)
    {
        Scatter(freeValues, _full);
        ArimaPolynomials.Expand(_full, _order, transform: true, _phi, _theta, _scratch);
        ComputeRegressionErrors(_full);
        if (!_filter.Run(_phi, _theta, _w, Span<double>.Empty, out var sums) || sums.Count == 0)
        {
            return double.MaxValue;
        }

        var value = sums.Objective;
        return double.IsFinite(value) ? value : double.MaxValue;
    }

    private void ToUnconstrained(double[] coefficients)
    {
        var o = _order;
        var ar = coefficients.AsSpan(0, o.P);
        ArimaPolynomials.ArToPacf(ar.ToArray(), ar);
        var sar = coefficients.AsSpan(o.P + o.Q, o.SeasonalP);
        ArimaPolynomials.ArToPacf(sar.ToArray(), sar);
        InvertMovingAverages(coefficients);
    }

    private void FromUnconstrained(double[] coefficients)
    {
        var o = _order;
        var work = new double[Math.Max(o.P, o.SeasonalP) + 1];
        var ar = coefficients.AsSpan(0, o.P);
        ArimaPolynomials.PacfToAr(ar.ToArray(), ar, work);
        var sar = coefficients.AsSpan(o.P + o.Q, o.SeasonalP);
        ArimaPolynomials.PacfToAr(sar.ToArray(), sar, work);
    }

    private void InvertMovingAverages(double[] coefficients)
    {
        var o = _order;
        ArimaPolynomials.InvertMa(coefficients.AsSpan(o.P, o.Q));
        ArimaPolynomials.InvertMa(coefficients.AsSpan(o.P + o.Q + o.SeasonalP, o.SeasonalQ));
    }
}
