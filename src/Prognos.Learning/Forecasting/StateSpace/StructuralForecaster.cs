using Prognos.Learning.Forecasting.Optimisation;

namespace Prognos.Learning.Forecasting.StateSpace;

/// <summary>
/// Structural time-series models fitted by maximum likelihood with a Kalman filter, matching statsmodels'
/// <c>UnobservedComponents</c>: local level or local linear trend, an optional dummy stochastic seasonal and an optional
/// regression on exogenous columns (coefficients estimated by MLE). Variances are optimised on the log scale by BFGS.
/// </summary>
public sealed class StructuralForecaster(
    StructuralTrend trend = StructuralTrend.LocalLinearTrend,
    bool seasonal = false,
    IReadOnlyList<string>? exogenous = null,
    bool exactDiffuse = false) : IForecaster
{
    public StructuralTrend Trend { get; } = trend;

    public bool Seasonal { get; } = seasonal;

    public string Name => Trend == StructuralTrend.LocalLevel ? "ssm-local-level" : "ssm-llt";

    public IFittedForecaster Fit(TimeSeries series, CancellationToken cancellationToken = default)
    {
        var period = Seasonal ? series.SeasonalPeriod : 0;
        var model = new StructuralModel(Trend, period);
        var y = SeriesValidation.RequireFitInput(series, model.StateCount + 3, Name);
        var n = y.Length;
        var names = exogenous ?? series.Exogenous?.Keys.OrderBy(k => k, StringComparer.Ordinal).ToArray() ?? [];
        var columns = names.Select(name => series.Exogenous is not null && series.Exogenous.TryGetValue(name, out var column) && column.Length == n
            ? column
            : throw new ForecastingException($"Exogenous column '{name}' is missing or not aligned with the {n} values of the series.")).ToArray();

        var coefficients = LeastSquares(y, columns);
        var residual = new double[n];
        Net(y, columns, coefficients, residual);
        var scale = DifferenceVariance(residual);
        var filter = new DiffuseKalmanFilter(model, exactDiffuse);
        var variances = new double[model.VarianceCount];
        var net = new double[n];
        var betaCount = columns.Length;

        double NegativeLogLikelihood(ReadOnlySpan<double> x)
        {
            for (var i = 0; i < variances.Length; i++)
            {
                variances[i] = scale * Math.Exp(Math.Clamp(x[i], -40, 12));
            }

            Net(y, columns, x[variances.Length..], net);
            var loglik = filter.Run(net, variances, default);
            return double.IsFinite(loglik) ? -loglik : double.PositiveInfinity;
        }

        // Several starting points (statsmodels starts from an HP-filter split; any sensible split reaches the same optimum).
        var starts = new List<double[]>();
        foreach (var irregularShare in new[] { 0.5, 0.1, 0.9 })
        {
            var start = new double[variances.Length + betaCount];
            start[0] = Math.Log(irregularShare);
            for (var i = 1; i < variances.Length; i++)
            {
                start[i] = Math.Log((1 - irregularShare) / (variances.Length - 1) / (i == 1 ? 1 : 10));
            }

            coefficients.CopyTo(start, variances.Length);
            starts.Add(start);
        }

        OptimisationResult? best = null;
        foreach (var start in starts)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var result = Bfgs.Minimize(NegativeLogLikelihood, start, gradientTolerance: 1e-4, relativeTolerance: 1e-9);
            if (best is null || result.Value < best.Value)
            {
                best = result;
            }
        }

        var x = best!.Minimum;
        for (var i = 0; i < variances.Length; i++)
        {
            variances[i] = scale * Math.Exp(Math.Clamp(x[i], -40, 12));
        }

        return Build(series, model, names, columns, variances, x[variances.Length..]);
    }

    /// <summary>Filters with given variances (and coefficients) instead of estimating them; for checks against references.</summary>
    internal IFittedForecaster FitWithParameters(TimeSeries series, double[] variances, double[]? coefficients = null)
    {
        var model = new StructuralModel(Trend, Seasonal ? series.SeasonalPeriod : 0);
        var names = exogenous ?? series.Exogenous?.Keys.OrderBy(k => k, StringComparer.Ordinal).ToArray() ?? [];
        var columns = names.Select(name => series.Exogenous![name]).ToArray();
        return Build(series, model, names, columns, variances, coefficients ?? new double[columns.Length]);
    }

    private StructuralFitted Build(TimeSeries series, StructuralModel model, IReadOnlyList<string> names, double[][] columns, double[] variances, double[] beta)
    {
        var y = series.Values;
        var n = y.Length;
        var betaCount = columns.Length;
        var filter = new DiffuseKalmanFilter(model, exactDiffuse);
        var net = new double[n];
        Net(y, columns, beta, net);
        var predictions = new double[n];
        var loglik = filter.Run(net, variances, predictions);
        if (filter.StillDiffuse)
        {
            throw new ForecastingException($"{model.Describe()} needs more observations than {n} to identify its states; use a longer series or a simpler model.");
        }

        var fitted = new double[n];
        for (var t = 0; t < n; t++)
        {
            fitted[t] = t < filter.DiffusePeriods ? double.NaN : predictions[t] + (y[t] - net[t]);
        }

        var k = variances.Length + betaCount;
        var effective = n - filter.DiffusePeriods;
        var aic = -2 * loglik + 2 * k;
        var parameters = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < variances.Length; i++)
        {
            parameters[model.VarianceNames[i]] = variances[i];
        }

        for (var i = 0; i < betaCount; i++)
        {
            parameters["beta." + names[i]] = beta[i];
        }

        var statistics = new FitStatistics(
            loglik,
            aic,
            effective - k - 1 > 0 ? aic + 2.0 * k * (k + 1) / (effective - k - 1) : double.PositiveInfinity,
            -2 * loglik + k * Math.Log(effective),
            variances[0],
            k);
        var summary = new FittedSummary(Name, model.Describe() + (betaCount > 0 ? $" + regression on {string.Join(", ", names)}" : string.Empty),
            parameters, statistics, fitted, series.Timestamps[^1], series.Frequency);
        return new StructuralFitted(summary, Trend, model.SeasonalPeriod, (double[])variances.Clone(), filter.State.ToArray(), filter.Covariance.ToArray(), names.ToArray(), beta.ToArray());
    }

    private static void Net(double[] y, double[][] columns, ReadOnlySpan<double> beta, double[] result)
    {
        for (var t = 0; t < y.Length; t++)
        {
            var value = y[t];
            for (var j = 0; j < columns.Length; j++)
            {
                value -= beta[j] * columns[j][t];
            }

            result[t] = value;
        }
    }

    private static double[] LeastSquares(double[] y, double[][] columns)
    {
        if (columns.Length == 0)
        {
            return [];
        }

        var x = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(y.Length, columns.Length, (i, j) => columns[j][i]);
        var solution = x.Svd(computeVectors: true).Solve(MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfArray(y));
        return solution.ToArray();
    }

    private static double DifferenceVariance(double[] y)
    {
        var n = y.Length - 1;
        var mean = (y[^1] - y[0]) / n;
        var ss = 0.0;
        for (var t = 1; t < y.Length; t++)
        {
            var d = y[t] - y[t - 1] - mean;
            ss += d * d;
        }

        var variance = ss / n;
        return variance > 0 ? variance : Math.Max(1e-8, 1e-8 * y.Select(Math.Abs).Max());
    }
}
