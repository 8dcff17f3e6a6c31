using Prognos.Learning.Forecasting.Optimisation;

namespace Prognos.Learning.Forecasting.Ets;

/// <summary>
/// Estimates one ETS model by maximum likelihood as R's <c>ets</c> does: smoothing parameters and initial states are
/// optimised together by Nelder–Mead, starting from R's <c>initparam</c>/<c>initstate</c> values.
/// </summary>
internal static class EtsEstimator
{
    /// <summary>Number of estimated quantities (without σ²) and the least data length that R accepts for them.</summary>
    public static int FreeParameterCount(EtsModelType type, int m) =>
        2 + (type.HasTrend ? 2 : 0) + (type.IsDamped ? 1 : 0) + (type.IsSeasonal ? m : 0);

    /// <summary>Fits <paramref name="type"/>; returns null with a reason when the model cannot be estimated.</summary>
    public static EtsFit? TryFit(double[] y, EtsModelType type, int period, out string? reason)
    {
        var m = type.IsSeasonal ? period : 1;
        var n = y.Length;
        if (type.IsSeasonal && (m < 2 || n < 2 * m))
        {
            reason = $"a seasonal model needs at least two seasons ({2 * m} observations), the series has {n}";
            return null;
        }

        if ((type.MultiplicativeError || type.Season == EtsSeason.Multiplicative) && y.Any(v => v <= 0))
        {
            reason = "multiplicative components need strictly positive data";
            return null;
        }

        var initial = InitialStates(y, type, m);
        var start = new List<double>();
        var steps = new List<double>();
        var alpha = EtsBounds.Lower + 0.2 * (EtsBounds.Upper - EtsBounds.Lower) / m;
        start.Add(alpha);
        steps.Add(0.1);
        if (type.HasTrend)
        {
            var upper = Math.Min(EtsBounds.Upper, alpha);
            start.Add(EtsBounds.Lower + 0.1 * (upper - EtsBounds.Lower));
            steps.Add(0.02);
        }

        if (type.IsSeasonal)
        {
            var upper = Math.Min(EtsBounds.Upper, 1 - alpha);
            start.Add(EtsBounds.Lower + 0.05 * (upper - EtsBounds.Lower));
            steps.Add(0.02);
        }

        if (type.IsDamped)
        {
            start.Add(EtsBounds.PhiLower + 0.99 * (EtsBounds.PhiUpper - EtsBounds.PhiLower));
            steps.Add(0.02);
        }

        var scale = StandardDeviation(y) + 1e-8 * (Math.Abs(y.Average()) + 1);
        start.Add(initial.Level);
        steps.Add(Math.Max(0.1 * scale, 1e-3 * Math.Abs(initial.Level)));
        if (type.HasTrend)
        {
            start.Add(initial.Trend);
            steps.Add(Math.Max(0.01 * scale, 0.1 * Math.Abs(initial.Trend)));
        }

        if (type.IsSeasonal)
        {
            for (var p = 1; p < m; p++)
            {
                start.Add(initial.Season[p]);
                steps.Add(type.Season == EtsSeason.Multiplicative ? 0.02 : 0.1 * scale);
            }
        }

        var layout = new Layout(type, m);
        var season = new double[m];
        double Objective(ReadOnlySpan<double> x)
        {
            var parameters = layout.Parameters(x);
            if (!EtsBounds.Accepts(type, parameters, m) || !layout.Season(x, season))
            {
                return double.PositiveInfinity;
            }

            var level = x[layout.LevelIndex];
            var trend = type.HasTrend ? x[layout.LevelIndex + 1] : 0;
            return EtsRecursions.Run(y, type, parameters, ref level, ref trend, season, default, default);
        }

        var startValue = Objective(start.ToArray());
        if (!double.IsFinite(startValue))
        {
            reason = "the initial states give a non-finite likelihood";
            return null;
        }

        var result = NelderMead.Minimize(Objective, start.ToArray(), steps.ToArray());
        if (!double.IsFinite(result.Value))
        {
            reason = "the likelihood could not be optimised";
            return null;
        }

        reason = null;
        return Finish(y, type, period, layout, result.Minimum);
    }

    /// <summary>Builds the fit record (states, fitted values, statistics) at the estimated parameter vector.</summary>
    private static EtsFit Finish(double[] y, EtsModelType type, int period, Layout layout, double[] x)
    {
        var n = y.Length;
        var m = layout.Period;
        var parameters = layout.Parameters(x);
        var season = new double[m];
        layout.Season(x, season);
        var initialStates = new double[1 + (type.HasTrend ? 1 : 0) + (type.IsSeasonal ? m : 0)];
        initialStates[0] = x[layout.LevelIndex];
        if (type.HasTrend)
        {
            initialStates[1] = x[layout.LevelIndex + 1];
        }

        if (type.IsSeasonal)
        {
            season.CopyTo(initialStates, initialStates.Length - m);
        }

        var level = x[layout.LevelIndex];
        var trend = type.HasTrend ? x[layout.LevelIndex + 1] : 0;
        var fitted = new double[n];
        var errors = new double[n];
        var criterion = EtsRecursions.Run(y, type, parameters, ref level, ref trend, season, fitted, errors);
        var k = x.Length + 1;
        var loglik = -0.5 * criterion;
        var aic = criterion + 2 * k;
        var aicc = n - k - 1 > 0 ? aic + 2.0 * k * (k + 1) / (n - k - 1) : double.PositiveInfinity;
        var bic = criterion + Math.Log(n) * k;
        var sse = 0.0;
        foreach (var e in errors)
        {
            sse += e * e;
        }

        // R divides by n minus the number of estimated quantities (σ² itself not counted).
        var sigma2 = n > k - 1 ? sse / (n - k + 1) : sse / n;
        return new EtsFit(type, period, parameters, initialStates, level, trend, type.IsSeasonal ? season : [], type.IsSeasonal ? n % m : 0,
            loglik, aic, aicc, bic, sigma2, k, fitted, errors);
    }

    /// <summary>A fit with fixed smoothing parameters and states (used for constant series, as R's ets does).</summary>
    public static EtsFit Fixed(double[] y, EtsModelType type, EtsParameters parameters, double initialLevel)
    {
        var layout = new Layout(type, 1);
        var x = new double[layout.LevelIndex + 1];
        x[0] = parameters.Alpha;
        x[layout.LevelIndex] = initialLevel;
        return Finish(y, type, 1, layout, x) with { Parameters = parameters };
    }

    private static (double Level, double Trend, double[] Season) InitialStates(double[] y, EtsModelType type, int m)
    {
        double[] adjusted;
        var season = Array.Empty<double>();
        if (type.IsSeasonal)
        {
            // R's initstate: decompose the first three seasons (or what there is) and seasonally adjust them.
            var window = y.AsSpan(0, Math.Min(y.Length, 3 * m));
            var multiplicative = type.Season == EtsSeason.Multiplicative;
            season = ClassicalDecomposition.SeasonalFigure(window, m, multiplicative);
            adjusted = new double[window.Length];
            for (var t = 0; t < window.Length; t++)
            {
                adjusted[t] = multiplicative ? window[t] / season[t % m] : window[t] - season[t % m];
            }
        }
        else
        {
            adjusted = y;
        }

        var count = Math.Min(Math.Max(10, 2 * m), adjusted.Length);
        if (!type.HasTrend)
        {
            return (adjusted.AsSpan(0, count).ToArray().Average(), 0, season);
        }

        // Least-squares line through (1..count, adjusted): the intercept is the level at time 0.
        double meanT = (count + 1) / 2.0, meanY = 0;
        for (var t = 0; t < count; t++)
        {
            meanY += adjusted[t];
        }

        meanY /= count;
        double sxy = 0, sxx = 0;
        for (var t = 0; t < count; t++)
        {
            sxy += (t + 1 - meanT) * (adjusted[t] - meanY);
            sxx += (t + 1 - meanT) * (t + 1 - meanT);
        }

        var slope = sxx > 0 ? sxy / sxx : 0;
        var level = meanY - slope * meanT;
        if (Math.Abs(level + slope) < 1e-8)
        {
            level *= 1 + 1e-3;
            slope *= 1 - 1e-3;
        }

        return (level, slope, season);
    }

    private static double StandardDeviation(double[] y)
    {
        var mean = y.Average();
        var ss = 0.0;
        foreach (var v in y)
        {
            ss += (v - mean) * (v - mean);
        }

        return Math.Sqrt(ss / Math.Max(1, y.Length - 1));
    }

    /// <summary>Where each quantity sits in the optimiser's vector: α, β?, γ?, φ?, l₀, b₀?, s₁..s_{m−1}.</summary>
    private sealed class Layout
    {
        private readonly EtsModelType _type;
        private readonly int _betaIndex;
        private readonly int _gammaIndex;
        private readonly int _phiIndex;
        private readonly int _seasonIndex;

        public Layout(EtsModelType type, int m)
        {
            _type = type;
            Period = m;
            var i = 1;
            _betaIndex = type.HasTrend ? i++ : -1;
            _gammaIndex = type.IsSeasonal ? i++ : -1;
            _phiIndex = type.IsDamped ? i++ : -1;
            LevelIndex = i++;
            if (type.HasTrend)
            {
                i++;
            }

            _seasonIndex = i;
        }

        public int Period { get; }

        public int LevelIndex { get; }

        public EtsParameters Parameters(ReadOnlySpan<double> x) => new(
            x[0],
            _betaIndex >= 0 ? x[_betaIndex] : 0,
            _gammaIndex >= 0 ? x[_gammaIndex] : 0,
            _phiIndex >= 0 ? x[_phiIndex] : 1);

        /// <summary>Fills the seasonal states by position; the first is fixed by normalisation. False when not valid.</summary>
        public bool Season(ReadOnlySpan<double> x, Span<double> season)
        {
            if (!_type.IsSeasonal)
            {
                return true;
            }

            var m = Period;
            var sum = 0.0;
            for (var p = 1; p < m; p++)
            {
                season[p] = x[_seasonIndex + p - 1];
                sum += season[p];
            }

            var multiplicative = _type.Season == EtsSeason.Multiplicative;
            season[0] = multiplicative ? m - sum : -sum;
            if (multiplicative)
            {
                foreach (var s in season)
                {
                    if (s <= 0)
                    {
                        return false;
                    }
                }
            }

            return true;
        }
    }
}
