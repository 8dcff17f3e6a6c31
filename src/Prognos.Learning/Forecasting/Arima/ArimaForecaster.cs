namespace Prognos.Learning.Forecasting.Arima;

/// <summary>
/// A fixed-order regression with seasonal ARIMA errors, estimated as R's <c>forecast::Arima</c> (CSS-ML by default).
/// When the series is too short for the order, a simpler order is fitted and the reason is kept on the model.
/// </summary>
public sealed class ArimaForecaster(ArimaOrder order) : IForecaster
{
    /// <summary>Stable short name: <c>arima</c>.</summary>
    public string Name => "arima";

    /// <summary>The orders to fit.</summary>
    public ArimaOrder Order { get; } = order ?? throw new ArgumentNullException(nameof(order));

    /// <summary>Include a mean when the model has no differencing (R's include.mean, default true).</summary>
    public bool IncludeMean { get; init; } = true;

    /// <summary>Include a linear drift when d + D = 1 (R's include.drift, default false).</summary>
    public bool IncludeDrift { get; init; }

    /// <summary>Estimation method; R's default CSS-ML unless changed.</summary>
    public ArimaEstimationMethod Method { get; init; } = ArimaEstimationMethod.ConditionalSumOfSquaresThenMaximumLikelihood;

    /// <summary>Exogenous columns to regress on; null uses every column of the series.</summary>
    public IReadOnlyList<string>? ExogenousColumns { get; init; }

    public IFittedForecaster Fit(TimeSeries series, CancellationToken cancellationToken = default)
    {
        ArimaModelFactory.ValidateSeries(series);
        series = ArimaModelFactory.TrimTrailingMissing(series);
        Order.Validate();
        var requested = Order.Normalised();
        if (ArimaModelFactory.IsConstant(series.Values) && ArimaModelFactory.ExogenousColumns(series, ExogenousColumns).Count == 0)
        {
            return ConstantModel.Fit(Name, series, $"the series is constant, so {requested} reduces to its mean");
        }

        string? reason = null;
        foreach (var candidate in SimplerOrders(requested))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var regressors = ArimaModelFactory.Regressors(series, candidate, IncludeMean, IncludeDrift, ExogenousColumns);
            var free = candidate.ArmaCount + regressors.Count + 1;
            var observed = series.Values.Count(v => !double.IsNaN(v)) - candidate.DifferencedLength;
            if (observed <= free)
            {
                reason ??= $"{series.Values.Count(v => !double.IsNaN(v))} observations are too few for {requested} ({free} parameters after {requested.DifferencedLength} differences)";
                continue;
            }

            var estimate = ArimaEstimator.Fit(series.Values, candidate, regressors, Method, out var failure);
            if (estimate is null && Method == ArimaEstimationMethod.ConditionalSumOfSquaresThenMaximumLikelihood)
            {
                // R stops here ("non-stationary AR part from CSS"); plain ML from zero still gives a valid fit.
                estimate = ArimaEstimator.Fit(series.Values, candidate, regressors, ArimaEstimationMethod.MaximumLikelihood, out _);
                if (estimate is not null && candidate == requested)
                {
                    return ArimaModelFactory.ToFittedModel(Name, series, estimate, regressors, $"CSS start failed ({failure}); estimated by ML from zero");
                }
            }

            if (estimate is null)
            {
                reason ??= $"{candidate} could not be estimated: {failure}";
                continue;
            }

            return ArimaModelFactory.ToFittedModel(Name, series, estimate, regressors, candidate == requested ? null : $"{reason}; fitted {candidate} instead");
        }

        return ConstantModel.Fit(Name, series, $"{reason}; fitted the mean instead");
    }

    /// <summary>The requested order, then ever simpler ones: seasonal parts first, then p and q, then differences.</summary>
    internal static IEnumerable<ArimaOrder> SimplerOrders(ArimaOrder order)
    {
        var current = order;
        yield return current;
        if (current.SeasonalP + current.SeasonalQ > 0)
        {
            current = current with { SeasonalP = 0, SeasonalQ = 0 };
            yield return current;
        }

        if (current.SeasonalD > 0)
        {
            current = current with { SeasonalD = 0 };
            yield return current;
        }

        while (current.P + current.Q > 0)
        {
            current = current.P >= current.Q ? current with { P = current.P - 1 } : current with { Q = current.Q - 1 };
            yield return current;
        }

        while (current.D > 0)
        {
            current = current with { D = current.D - 1 };
            yield return current;
        }
    }
}
