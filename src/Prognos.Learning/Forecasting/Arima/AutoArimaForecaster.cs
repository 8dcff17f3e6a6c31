namespace Prognos.Learning.Forecasting.Arima;

/// <summary>
/// Hyndman–Khandakar automatic ARIMA as R's <c>forecast::auto.arima</c> (stepwise): d by repeated KPSS tests,
/// D by STL seasonal strength, then a stepwise search over (p,q)(P,Q) and the constant, by AICc.
/// With <see cref="Approximation"/> unset it follows R's rule (CSS during the search when n &gt; 150 or m &gt; 12,
/// then refits the best by exact ML), so it picks what R picks on long series as well.
/// </summary>
public sealed class AutoArimaForecaster : IForecaster
{
    /// <summary>Stable short name: <c>auto_arima</c>.</summary>
    public string Name => "auto_arima";

    /// <summary>Largest non-seasonal AR order searched (R max.p).</summary>
    public int MaxP { get; init; } = 5;

    /// <summary>Largest non-seasonal MA order searched (R max.q).</summary>
    public int MaxQ { get; init; } = 5;

    /// <summary>Largest seasonal AR order searched (R max.P).</summary>
    public int MaxSeasonalP { get; init; } = 2;

    /// <summary>Largest seasonal MA order searched (R max.Q).</summary>
    public int MaxSeasonalQ { get; init; } = 2;

    /// <summary>Most non-seasonal differences the KPSS tests may choose (R max.d).</summary>
    public int MaxD { get; init; } = 2;

    /// <summary>Most seasonal differences the seasonal-strength test may choose (R max.D).</summary>
    public int MaxSeasonalD { get; init; } = 1;

    /// <summary>Starting non-seasonal AR order of the stepwise search.</summary>
    public int StartP { get; init; } = 2;

    /// <summary>Starting non-seasonal MA order of the stepwise search.</summary>
    public int StartQ { get; init; } = 2;

    /// <summary>Starting seasonal AR order of the stepwise search.</summary>
    public int StartSeasonalP { get; init; } = 1;

    /// <summary>Starting seasonal MA order of the stepwise search.</summary>
    public int StartSeasonalQ { get; init; } = 1;

    /// <summary>Fixed number of differences; null lets the KPSS tests decide.</summary>
    public int? D { get; init; }

    /// <summary>Fixed number of seasonal differences; null lets the seasonal-strength test decide.</summary>
    public int? SeasonalD { get; init; }

    /// <summary>Consider seasonal models (false forces m = 1).</summary>
    public bool Seasonal { get; init; } = true;

    /// <summary>Restrict to stationary models (d = D = 0).</summary>
    public bool Stationary { get; init; }

    /// <summary>Criterion minimised by the search (AICc by default, AIC when n ≤ 3).</summary>
    public InformationCriterion Criterion { get; init; } = InformationCriterion.Aicc;

    /// <summary>Use CSS during the search; null applies R's default (series longer than 150 or period above 12).</summary>
    public bool? Approximation { get; init; }

    /// <summary>Allow a drift term when d + D = 1.</summary>
    public bool AllowDrift { get; init; } = true;

    /// <summary>Allow a mean when d + D = 0.</summary>
    public bool AllowMean { get; init; } = true;

    /// <summary>Bandwidth of the KPSS tests (R forecast 8.x default unless changed).</summary>
    public KpssLagRule KpssLags { get; init; } = KpssLagRule.ForecastPackage;

    /// <summary>Upper bound on models tried by the stepwise search (R's nmodels).</summary>
    public int MaxModels { get; init; } = 94;

    /// <summary>Exogenous columns to regress on; null uses every column of the series.</summary>
    public IReadOnlyList<string>? ExogenousColumns { get; init; }

    public IFittedForecaster Fit(TimeSeries series, CancellationToken cancellationToken = default) =>
        Search(series, cancellationToken).Model;

    /// <summary>Runs the search and also returns every model it tried, in order.</summary>
    internal AutoArimaResult Search(TimeSeries series, CancellationToken cancellationToken = default)
    {
        ArimaModelFactory.ValidateSeries(series);
        series = ArimaModelFactory.TrimTrailingMissing(series);
        var x = series.Values;
        var n = x.Length;
        var seriesLength = x.Count(v => !double.IsNaN(v));
        var m = Seasonal ? Math.Max(series.SeasonalPeriod, 1) : 1;
        var maxP = Math.Min(MaxP, seriesLength / 3);
        var maxQ = Math.Min(MaxQ, seriesLength / 3);
        var maxSP = Math.Min(MaxSeasonalP, seriesLength / 3 / m);
        var maxSQ = Math.Min(MaxSeasonalQ, seriesLength / 3 / m);
        var criterion = seriesLength <= 3 ? InformationCriterion.Aic : Criterion;
        var exogenous = ArimaModelFactory.ExogenousColumns(series, ExogenousColumns);
        var tried = new List<ArimaCandidate>();

        if (ArimaModelFactory.IsConstant(x) && exogenous.Count == 0)
        {
            return new AutoArimaResult(ConstantModel.Fit(Name, series, null), tried);
        }

        // Tests run on the regression residuals when there are exogenous columns (as R).
        var xx = exogenous.Count == 0 ? x : RegressionResiduals(series, exogenous);
        int d, seasonalD;
        if (Stationary)
        {
            d = 0;
            seasonalD = 0;
        }
        else
        {
            d = D ?? -1;
            seasonalD = SeasonalD ?? -1;
        }

        if (m == 1)
        {
            seasonalD = 0;
            maxSP = 0;
            maxSQ = 0;
        }
        else if (seasonalD < 0)
        {
            seasonalD = DifferencingOrder.SeasonalDifferences(xx, m, MaxSeasonalD);

            // As R: a regressor that differencing turns constant cannot be estimated, so difference less.
            if (seasonalD > 0 && ExogenousBecomesConstant(series, exogenous, SeasonalDelta(m, seasonalD)))
            {
                seasonalD--;
            }
        }

        var dx = seasonalD > 0 ? ArimaPolynomials.Difference(xx, SeasonalDelta(m, seasonalD)) : xx;
        if (d < 0)
        {
            d = DifferencingOrder.NonSeasonalDifferences(dx, KpssLags, 0.05, MaxD);
            if (d > 0 && ExogenousBecomesConstant(series, exogenous, ArimaPolynomials.DifferencingCoefficients(new ArimaOrder(0, d, 0, 0, seasonalD, 0, m).Normalised())))
            {
                d--;
            }
        }

        if (d > 0)
        {
            dx = ArimaPolynomials.Difference(dx, ArimaPolynomials.DifferencingCoefficients(new ArimaOrder(0, d, 0)));
        }

        if (dx.Count(v => !double.IsNaN(v)) == 0)
        {
            // R stops with "Not enough data to proceed"; the mean is the honest answer here.
            return new AutoArimaResult(ConstantModel.Fit(Name, series, $"{seriesLength} observations leave nothing after {d} differences and {seasonalD} seasonal differences"), tried);
        }

        if (ArimaModelFactory.IsConstant(dx) && exogenous.Count == 0)
        {
            return new AutoArimaResult(PolynomialModel(series, d, seasonalD, m, dx), tried);
        }

        if (m > 1)
        {
            if (maxSP > 0)
            {
                maxP = Math.Min(maxP, m - 1);
            }

            if (maxSQ > 0)
            {
                maxQ = Math.Min(maxQ, m - 1);
            }
        }

        var approximation = Approximation ?? (n > 150 || m > 12);
        var offset = 0.0;
        if (approximation)
        {
            var offsetOrder = new ArimaOrder(0, d, 0, 0, seasonalD, 0, m).Normalised();
            var regressors = ArimaModelFactory.Regressors(series, offsetOrder, includeMean: true, includeDrift: false, exogenous);
            var offsetFit = ArimaEstimator.Fit(x, offsetOrder, regressors, ArimaEstimationMethod.ConditionalSumOfSquaresThenMaximumLikelihood, out _);
            offset = offsetFit is null ? 0 : (-2 * offsetFit.LogLikelihood) - (seriesLength * Math.Log(offsetFit.Sigma2Likelihood));
        }

        var allowDrift = AllowDrift && d + seasonalD == 1;
        var allowMean = AllowMean && d + seasonalD == 0;
        var constant = allowDrift || allowMean;

        int startP = StartP, startQ = StartQ, startSP = StartSeasonalP, startSQ = StartSeasonalQ;
        if (n < 10)
        {
            startP = Math.Min(startP, 1);
            startQ = Math.Min(startQ, 1);
            startSP = 0;
            startSQ = 0;
        }

        var p = Math.Min(startP, maxP);
        var q = Math.Min(startQ, maxQ);
        var sp = Math.Min(startSP, maxSP);
        var sq = Math.Min(startSQ, maxSQ);

        ArimaCandidate Try(int ap, int aq, int asp, int asq, bool withConstant)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var candidate = Evaluate(series, new ArimaOrder(ap, d, aq, asp, seasonalD, asq, m), withConstant, exogenous, criterion, approximation, offset);
            tried.Add(candidate);
            return candidate;
        }

        bool IsNew(int ap, int aq, int asp, int asq, bool withConstant) =>
            !tried.Any(c => c.Order.P == ap && c.Order.Q == aq && c.Order.SeasonalP == asp && c.Order.SeasonalQ == asq && c.Constant == withConstant);

        var best = Try(p, q, sp, sq, constant);
        var fit = Try(0, 0, 0, 0, constant);
        if (fit.Criterion < best.Criterion)
        {
            best = fit;
            p = q = sp = sq = 0;
        }

        if (maxP > 0 || maxSP > 0)
        {
            var arP = maxP > 0 ? 1 : 0;
            var arSP = m > 1 && maxSP > 0 ? 1 : 0;
            fit = Try(arP, 0, arSP, 0, constant);
            if (fit.Criterion < best.Criterion)
            {
                best = fit;
                p = arP;
                sp = arSP;
                q = sq = 0;
            }
        }

        if (maxQ > 0 || maxSQ > 0)
        {
            var maQ = maxQ > 0 ? 1 : 0;
            var maSQ = m > 1 && maxSQ > 0 ? 1 : 0;
            fit = Try(0, maQ, 0, maSQ, constant);
            if (fit.Criterion < best.Criterion)
            {
                best = fit;
                p = sp = 0;
                q = maQ;
                sq = maSQ;
            }
        }

        if (constant)
        {
            fit = Try(0, 0, 0, 0, false);
            if (fit.Criterion < best.Criterion)
            {
                best = fit;
                p = q = sp = sq = 0;
            }
        }

        // Neighbours in R's order; the first improvement restarts the scan from the new best.
        (int Dp, int Dq, int Dsp, int Dsq)[] moves =
        [
            (0, 0, -1, 0), (0, 0, 0, -1), (0, 0, 1, 0), (0, 0, 0, 1),
            (0, 0, -1, -1), (0, 0, -1, 1), (0, 0, 1, -1), (0, 0, 1, 1),
            (-1, 0, 0, 0), (0, -1, 0, 0), (1, 0, 0, 0), (0, 1, 0, 0),
            (-1, -1, 0, 0), (-1, 1, 0, 0), (1, -1, 0, 0), (1, 1, 0, 0),
        ];
        var startCount = -1;
        while (startCount < tried.Count && tried.Count < MaxModels)
        {
            startCount = tried.Count;
            var improved = false;
            foreach (var (dp, dq, dsp, dsq) in moves)
            {
                int np = p + dp, nq = q + dq, nsp = sp + dsp, nsq = sq + dsq;
                if (np < 0 || nq < 0 || nsp < 0 || nsq < 0 || np > maxP || nq > maxQ || nsp > maxSP || nsq > maxSQ || !IsNew(np, nq, nsp, nsq, constant))
                {
                    continue;
                }

                if (tried.Count >= MaxModels)
                {
                    break;
                }

                fit = Try(np, nq, nsp, nsq, constant);
                if (fit.Criterion < best.Criterion)
                {
                    best = fit;
                    (p, q, sp, sq) = (np, nq, nsp, nsq);
                    improved = true;
                    break;
                }
            }

            if (improved || tried.Count >= MaxModels)
            {
                continue;
            }

            if ((allowDrift || allowMean) && IsNew(p, q, sp, sq, !constant))
            {
                fit = Try(p, q, sp, sq, !constant);
                if (fit.Criterion < best.Criterion)
                {
                    best = fit;
                    constant = !constant;
                }
            }
        }

        if (approximation)
        {
            // Refit by exact ML in order of the approximate criterion until one is acceptable (as R).
            var searched = tried.ToList();
            best = new ArimaCandidate(best.Order, best.Constant, double.PositiveInfinity, null, best.Regressors);
            foreach (var candidate in searched.Where(c => !double.IsNaN(c.Criterion)).OrderBy(c => c.Criterion))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var exact = Evaluate(series, candidate.Order, candidate.Constant, exogenous, criterion, approximation: false, offset: 0);
                if (exact.Criterion < double.PositiveInfinity)
                {
                    best = exact;
                    break;
                }
            }
        }

        if (best.Estimate is null || double.IsPositiveInfinity(best.Criterion))
        {
            // R stops with "No suitable ARIMA model found"; fall back to the plain differenced model.
            var fallbackOrder = new ArimaOrder(0, d, 0, 0, seasonalD, 0, m).Normalised();
            var fallback = new ArimaForecaster(fallbackOrder) { IncludeDrift = allowDrift, ExogenousColumns = exogenous }.Fit(series, cancellationToken);
            return new AutoArimaResult(Rename((ArimaFittedModel)fallback, "no ARIMA model in the stepwise search could be estimated"), tried);
        }

        return new AutoArimaResult(ArimaModelFactory.ToFittedModel(Name, series, best.Estimate, best.Regressors, null), tried);
    }

    private ArimaFittedModel Rename(ArimaFittedModel model, string reason) =>
        new(model.State with { Name = Name, FallbackReason = model.FallbackReason is null ? reason : $"{reason}; {model.FallbackReason}" });

    /// <summary>R's myarima: fit one candidate and score it, rejecting near-unit roots (|root| &lt; 1.01).</summary>
    internal static ArimaCandidate Evaluate(TimeSeries series, ArimaOrder order, bool constant, IReadOnlyList<string> exogenous, InformationCriterion criterion, bool approximation, double offset)
    {
        order = order.Normalised();
        var differences = order.D + order.SeasonalD;
        var regressors = ArimaModelFactory.Regressors(series, order, includeMean: constant, includeDrift: constant && differences == 1, exogenous);
        var method = approximation ? ArimaEstimationMethod.ConditionalSumOfSquares : ArimaEstimationMethod.ConditionalSumOfSquaresThenMaximumLikelihood;
        var estimate = ArimaEstimator.Fit(series.Values, order, regressors, method, out _);
        if (estimate is null)
        {
            return new ArimaCandidate(order, constant, double.PositiveInfinity, null, regressors);
        }

        var nStar = estimate.EffectiveObservations;
        var k = estimate.ParameterCount;
        var aic = approximation ? offset + (nStar * Math.Log(estimate.Sigma2Likelihood)) + (2 * k) : estimate.Aic;
        var value = criterion switch
        {
            InformationCriterion.Aic => aic,
            InformationCriterion.Bic => estimate.Bic(aic),
            _ => nStar - k - 1 > 0 ? estimate.Aicc(aic) : double.PositiveInfinity,
        };
        if (double.IsNaN(value))
        {
            value = double.PositiveInfinity;
        }

        var c = estimate.Coefficients;
        var arRoot = ArimaPolynomials.MinimumRootModulus(c.AsSpan(0, order.P), c.AsSpan(order.P + order.Q, order.SeasonalP), order.Period, -1);
        var maRoot = ArimaPolynomials.MinimumRootModulus(c.AsSpan(order.P, order.Q), c.AsSpan(order.P + order.Q + order.SeasonalP, order.SeasonalQ), order.Period, 1);
        if (Math.Min(arRoot, maRoot) < 1.01)
        {
            value = double.PositiveInfinity;
        }

        return new ArimaCandidate(order, constant, value, estimate, regressors);
    }

    private static bool ExogenousBecomesConstant(TimeSeries series, IReadOnlyList<string> exogenous, double[] delta) =>
        exogenous.Any(name => ArimaModelFactory.IsConstant(ArimaPolynomials.Difference(series.Exogenous![name], delta)));

    private static double[] SeasonalDelta(int m, int times)
    {
        var order = new ArimaOrder(0, 0, 0, 0, times, 0, m);
        return ArimaPolynomials.DifferencingCoefficients(order);
    }

    private static double[] RegressionResiduals(TimeSeries series, IReadOnlyList<string> exogenous)
    {
        var n = series.Length;
        var columns = new List<double[]> { Enumerable.Repeat(1.0, n).ToArray() };
        columns.AddRange(exogenous.Select(name => series.Exogenous![name]));
        var fit = OrdinaryLeastSquares.Fit(series.Values, columns)
            ?? throw new ForecastingException($"The exogenous columns ({string.Join(", ", exogenous)}) are linearly dependent (or constant); drop the redundant ones.");
        var residuals = new double[n];
        for (var t = 0; t < n; t++)
        {
            var value = series.Values[t];
            for (var j = 0; j < columns.Count; j++)
            {
                value -= fit.Coefficients[j] * columns[j][t];
            }

            residuals[t] = value;
        }

        return residuals;
    }

    /// <summary>R's handling of a differenced series that is constant: an exact polynomial/seasonal fit with the drift fixed.</summary>
    private ArimaFittedModel PolynomialModel(TimeSeries series, int d, int seasonalD, int m, double[] dx)
    {
        var observed = dx.Where(v => !double.IsNaN(v)).ToArray();
        var mean = observed.Average();
        var n = series.Length;
        ArimaOrder order;
        var regressors = new List<ArimaRegressor>();
        if (seasonalD > 0 && d == 0)
        {
            order = new ArimaOrder(0, 0, 0, 0, seasonalD, 0, m);
            if (seasonalD == 1)
            {
                regressors.Add(ArimaRegressor.Drift(n) with { FixedValue = mean / m });
            }
        }
        else if (seasonalD > 0)
        {
            order = new ArimaOrder(0, d, 0, 0, seasonalD, 0, m);
        }
        else
        {
            order = new ArimaOrder(0, d, 0);
            if (d == 1)
            {
                regressors.Add(ArimaRegressor.Drift(n) with { FixedValue = mean });
            }
        }

        var estimate = ArimaEstimator.Fit(series.Values, order, regressors, ArimaEstimationMethod.MaximumLikelihood, out var failure);
        if (estimate is null)
        {
            return ConstantModel.Fit(Name, series, $"the differenced series is constant but {order} could not be set up: {failure}");
        }

        return ArimaModelFactory.ToFittedModel(Name, series, estimate, regressors, null);
    }
}
