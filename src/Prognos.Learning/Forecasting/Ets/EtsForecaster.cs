namespace Prognos.Learning.Forecasting.Ets;

/// <summary>
/// Exponential smoothing state-space models (R's <c>forecast::ets</c>). With no model given, every admissible member of
/// the family is fitted and the lowest AICc wins; a fixed model (e.g. <c>MAM</c>) is fitted as asked.
/// </summary>
public sealed class EtsForecaster : IForecaster
{
    public EtsForecaster(string? model = null, bool allowMultiplicative = true)
    {
        FixedModel = string.IsNullOrWhiteSpace(model) || model.Equals("ZZZ", StringComparison.OrdinalIgnoreCase) ? null : EtsModelType.Parse(model);
        AllowMultiplicative = allowMultiplicative;
    }

    /// <summary>The model to fit, or null to select automatically by AICc.</summary>
    public EtsModelType? FixedModel { get; }

    public bool AllowMultiplicative { get; }

    public string Name => "ets";

    /// <summary>The candidate models R's <c>ets()</c> would try on <paramref name="y"/>, with the reasons others were skipped.</summary>
    internal IReadOnlyList<EtsModelType> Candidates(double[] y, int period, List<string> skipped)
    {
        var n = y.Length;
        var positive = y.All(v => v > 0);
        var seasonalAllowed = period > 1 && period <= 24 && n >= 2 * period;
        if (period > 24)
        {
            skipped.Add($"seasonal models: the period {period} is above 24, which ETS does not handle (as in R)");
        }
        else if (period > 1 && n < 2 * period)
        {
            skipped.Add($"seasonal models: {n} observations are fewer than two seasons ({2 * period})");
        }

        if (!positive && AllowMultiplicative)
        {
            skipped.Add("multiplicative models: the series has zero or negative values");
        }

        var list = new List<EtsModelType>();
        foreach (var multiplicativeError in new[] { false, true })
        {
            foreach (var trend in new[] { EtsTrend.None, EtsTrend.Additive, EtsTrend.DampedAdditive })
            {
                foreach (var season in new[] { EtsSeason.None, EtsSeason.Additive, EtsSeason.Multiplicative })
                {
                    var type = new EtsModelType(multiplicativeError, trend, season);
                    var multiplicative = multiplicativeError || season == EtsSeason.Multiplicative;
                    if (multiplicative && (!positive || !AllowMultiplicative))
                    {
                        continue;
                    }

                    // Additive errors with multiplicative seasonality are numerically unstable (excluded as in R).
                    if (!multiplicativeError && season == EtsSeason.Multiplicative)
                    {
                        continue;
                    }

                    if (type.IsSeasonal && !seasonalAllowed)
                    {
                        continue;
                    }

                    if (n <= EtsEstimator.FreeParameterCount(type, period) + 4)
                    {
                        skipped.Add($"{type}: too few observations ({n}) for its parameters");
                        continue;
                    }

                    list.Add(type);
                }
            }
        }

        return list;
    }

    public IFittedForecaster Fit(TimeSeries series, CancellationToken cancellationToken = default)
    {
        var y = SeriesValidation.RequireFitInput(series, 3, "ETS");
        var period = Math.Max(1, series.SeasonalPeriod);
        return EtsFitted.From(Estimate(y, period, cancellationToken), series);
    }

    internal EtsFit Estimate(double[] y, int period, CancellationToken cancellationToken = default)
    {
        if (y.All(v => v == y[0]))
        {
            // R's ets: a constant series gets simple exponential smoothing with α near 1 and l₀ = y₁.
            return EtsEstimator.Fixed(y, new EtsModelType(false, EtsTrend.None, EtsSeason.None), new EtsParameters(EtsBounds.Upper, 0, 0, 1), y[0]);
        }

        if (FixedModel is { } model)
        {
            var fit = EtsEstimator.TryFit(y, model, period, out var reason);
            return fit ?? throw new ForecastingException($"{model} cannot be fitted to this series: {reason}; try ets without a fixed model.");
        }

        var skipped = new List<string>();
        EtsFit? best = null;
        foreach (var candidate in Candidates(y, period, skipped))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var fit = EtsEstimator.TryFit(y, candidate, period, out var reason);
            if (fit is null)
            {
                skipped.Add($"{candidate}: {reason}");
                continue;
            }

            if (best is null || fit.Aicc < best.Aicc)
            {
                best = fit;
            }
        }

        return best is not null ? best with { Skipped = skipped } : throw new ForecastingException(
            $"No ETS model could be fitted ({string.Join("; ", skipped)}); use a longer series or a baseline (naive, mean).");
    }
}
