namespace Prognos.Learning.Forecasting.Ets;

/// <summary>
/// The ETS innovations state-space recursions (Hyndman et al. 2008, as R's etscalc): one pass over the data gives
/// the one-step errors, and the likelihood criterion n·log(Σe²) (+ 2·Σlog|ŷ| for multiplicative errors).
/// Seasonal states are kept by position: <c>season[t mod m]</c> is used and updated at observation t.
/// </summary>
internal static class EtsRecursions
{
    private const double Tiny = 1e-10;

    /// <summary>
    /// Runs the filter from the initial state, overwriting <paramref name="season"/> with the final seasonal states.
    /// Returns the likelihood criterion (+Infinity when the path breaks down).
    /// </summary>
    public static double Run(
        ReadOnlySpan<double> y,
        EtsModelType type,
        in EtsParameters p,
        ref double level,
        ref double trend,
        Span<double> season,
        Span<double> fitted,
        Span<double> errors)
    {
        var m = season.Length;
        var multiplicativeError = type.MultiplicativeError;
        var hasTrend = type.HasTrend;
        var seasonKind = type.Season;
        var record = fitted.Length > 0;
        var phi = p.Phi;
        var alpha = p.Alpha;
        var betaOverAlpha = hasTrend ? p.Beta / alpha : 0;
        var gamma = p.Gamma;
        double l = level, b = trend, sse = 0, logSum = 0;
        var position = 0;
        for (var t = 0; t < y.Length; t++)
        {
            var phib = hasTrend ? phi * b : 0;
            var q = l + phib;
            var s = seasonKind == EtsSeason.None ? 0 : season[position];
            var f = seasonKind switch
            {
                EtsSeason.Additive => q + s,
                EtsSeason.Multiplicative => q * s,
                _ => q,
            };
            var yt = y[t];
            double e;
            if (multiplicativeError)
            {
                if (Math.Abs(f) < Tiny)
                {
                    return double.PositiveInfinity;
                }

                e = (yt - f) / f;
                logSum += Math.Log(Math.Abs(f));
            }
            else
            {
                e = yt - f;
            }

            sse += e * e;
            if (record)
            {
                fitted[t] = f;
                errors[t] = e;
            }

            double deseasonalised;
            if (seasonKind == EtsSeason.Multiplicative)
            {
                if (Math.Abs(s) < Tiny)
                {
                    return double.PositiveInfinity;
                }

                deseasonalised = yt / s;
            }
            else
            {
                deseasonalised = yt - s;
            }

            var newLevel = q + alpha * (deseasonalised - q);
            if (hasTrend)
            {
                b = phib + betaOverAlpha * (newLevel - l - phib);
            }

            if (seasonKind != EtsSeason.None)
            {
                double detrended;
                if (seasonKind == EtsSeason.Multiplicative)
                {
                    if (Math.Abs(q) < Tiny)
                    {
                        return double.PositiveInfinity;
                    }

                    detrended = yt / q;
                }
                else
                {
                    detrended = yt - q;
                }

                season[position] = s + gamma * (detrended - s);
                if (++position == m)
                {
                    position = 0;
                }
            }

            l = newLevel;
        }

        level = l;
        trend = b;
        if (sse <= 0 || !double.IsFinite(sse))
        {
            return sse <= 0 ? -1e10 : double.PositiveInfinity;
        }

        var criterion = y.Length * Math.Log(sse) + (multiplicativeError ? 2 * logSum : 0);
        return double.IsNaN(criterion) ? double.PositiveInfinity : Math.Max(criterion, -1e10);
    }

    /// <summary>
    /// Point forecasts from the state after the data. <paramref name="nextPosition"/> is the seasonal position of the
    /// first forecast (the training length mod m).
    /// </summary>
    public static void PointForecasts(EtsModelType type, in EtsParameters p, double level, double trend, ReadOnlySpan<double> season, int nextPosition, Span<double> forecasts)
    {
        var dampedSum = 0.0;
        var phiPower = 1.0;
        for (var h = 0; h < forecasts.Length; h++)
        {
            phiPower *= type.HasTrend ? p.Phi : 0;
            dampedSum += phiPower;
            var q = level + (type.HasTrend ? dampedSum * trend : 0);
            forecasts[h] = type.Season switch
            {
                EtsSeason.Additive => q + season[(nextPosition + h) % season.Length],
                EtsSeason.Multiplicative => q * season[(nextPosition + h) % season.Length],
                _ => q,
            };
        }
    }

    /// <summary>Advances the state by one observation <paramref name="y"/> (used when simulating future paths).</summary>
    public static void Step(EtsModelType type, in EtsParameters p, ref double level, ref double trend, Span<double> season, int position, double y)
    {
        var phib = type.HasTrend ? p.Phi * trend : 0;
        var q = level + phib;
        var s = type.IsSeasonal ? season[position] : 0;
        var deseasonalised = type.Season == EtsSeason.Multiplicative ? y / s : y - s;
        var newLevel = q + p.Alpha * (deseasonalised - q);
        if (type.HasTrend)
        {
            trend = phib + (p.Beta / p.Alpha) * (newLevel - level - phib);
        }

        if (type.IsSeasonal)
        {
            var detrended = type.Season == EtsSeason.Multiplicative ? y / q : y - q;
            season[position] = s + p.Gamma * (detrended - s);
        }

        level = newLevel;
    }

    /// <summary>One-step forecast from the current state.</summary>
    public static double OneStep(EtsModelType type, in EtsParameters p, double level, double trend, ReadOnlySpan<double> season, int position)
    {
        var q = level + (type.HasTrend ? p.Phi * trend : 0);
        return type.Season switch
        {
            EtsSeason.Additive => q + season[position],
            EtsSeason.Multiplicative => q * season[position],
            _ => q,
        };
    }
}
