namespace Prognos.Learning.Forecasting.Baselines;

/// <summary>Naive, seasonal naive, drift and mean forecasts with the analytic intervals R's forecast package uses.</summary>
public sealed class BaselineForecaster(BaselineMethod method) : IForecaster
{
    public BaselineMethod Method { get; } = method;

    public string Name => Method switch
    {
        BaselineMethod.Naive => "naive",
        BaselineMethod.SeasonalNaive => "snaive",
        BaselineMethod.Drift => "drift",
        _ => "mean",
    };

    public IFittedForecaster Fit(TimeSeries series, CancellationToken cancellationToken = default)
    {
        var lag = Method == BaselineMethod.SeasonalNaive ? Math.Max(1, series.SeasonalPeriod) : 1;
        var minimum = Method switch
        {
            BaselineMethod.Mean => 1,
            BaselineMethod.Drift => 3,
            _ => lag + 1,
        };
        var y = SeriesValidation.RequireFitInput(series, minimum, Name);
        var n = y.Length;
        var fitted = new double[n];
        Array.Fill(fitted, double.NaN);
        double sigma, slope = 0, slopeError = 0;

        if (Method == BaselineMethod.Mean)
        {
            var mean = y.Average();
            Array.Fill(fitted, mean);
            sigma = n > 1 ? Math.Sqrt(y.Sum(v => (v - mean) * (v - mean)) / (n - 1)) : 0;
        }
        else if (Method == BaselineMethod.Drift)
        {
            // rwf(drift = TRUE): the drift is the mean change, its error the standard error of that mean.
            var changes = n - 1;
            slope = (y[^1] - y[0]) / changes;
            var ss = 0.0;
            for (var t = 1; t < n; t++)
            {
                var d = y[t] - y[t - 1] - slope;
                ss += d * d;
                fitted[t] = y[t - 1] + slope;
            }

            sigma = Math.Sqrt(ss / (changes - 1));
            slopeError = sigma / Math.Sqrt(changes);
        }
        else
        {
            var ss = 0.0;
            for (var t = lag; t < n; t++)
            {
                fitted[t] = y[t - lag];
                ss += (y[t] - fitted[t]) * (y[t] - fitted[t]);
            }

            sigma = Math.Sqrt(ss / (n - lag));
        }

        var history = Method == BaselineMethod.Mean ? [y.Average()] : y[^lag..];
        var parameters = new Dictionary<string, double> { ["sigma"] = sigma };
        if (Method == BaselineMethod.Drift)
        {
            parameters["drift"] = slope;
        }

        var summary = new FittedSummary(
            Name,
            Method == BaselineMethod.SeasonalNaive ? $"Seasonal naive (lag {lag})" : Method.ToString(),
            parameters,
            FitStatistics.None with { Sigma2 = sigma * sigma },
            fitted,
            series.Timestamps[^1],
            series.Frequency);
        return new BaselineFitted(summary, Method, history, sigma, slope, slopeError, n);
    }
}
