namespace Prognos.Learning.Forecasting.Intermittent;

/// <summary>
/// Croston, SBA and TSB forecasts (R's <c>croston</c> conventions: α = 0.1, smoothing initialised at the first demand).
/// Intervals come from the in-sample one-step errors, widened as for simple exponential smoothing and kept at or above zero.
/// </summary>
public sealed class IntermittentForecaster(IntermittentMethod method = IntermittentMethod.Croston, double alpha = 0.1, double beta = 0.1) : IForecaster
{
    public IntermittentMethod Method { get; } = method;

    public string Name => Method == IntermittentMethod.Tsb ? "tsb" : "croston";

    public IFittedForecaster Fit(TimeSeries series, CancellationToken cancellationToken = default)
    {
        if (!(alpha > 0 && alpha <= 1) || !(beta > 0 && beta <= 1))
        {
            throw new ForecastingException($"Smoothing constants must be in (0, 1]; got alpha={alpha}, beta={beta}.");
        }

        var y = SeriesValidation.RequireFitInput(series, 2, Name);
        if (y.Any(v => v < 0))
        {
            throw new ForecastingException($"{Name} models demand and needs non-negative values; the series has negative values (use ets or theta instead).");
        }

        var n = y.Length;
        var fitted = new double[n];
        Array.Fill(fitted, double.NaN);
        var demands = y.Count(v => v > 0);
        double forecast;
        if (demands == 0)
        {
            forecast = 0;
            Array.Fill(fitted, 0.0);
        }
        else if (Method == IntermittentMethod.Tsb)
        {
            double probability = (double)demands / n, size = y.Where(v => v > 0).Average();
            for (var t = 0; t < n; t++)
            {
                fitted[t] = probability * size;
                probability += beta * ((y[t] > 0 ? 1 : 0) - probability);
                if (y[t] > 0)
                {
                    size += alpha * (y[t] - size);
                }
            }

            forecast = probability * size;
        }
        else
        {
            var bias = Method == IntermittentMethod.SyntetosBoylan ? 1 - alpha / 2 : 1;
            double size = 0, interval = 0;
            var sinceLast = 0;
            var seen = false;
            for (var t = 0; t < n; t++)
            {
                sinceLast++;
                if (seen)
                {
                    fitted[t] = bias * size / interval;
                }

                if (y[t] > 0)
                {
                    if (!seen)
                    {
                        size = y[t];
                        interval = sinceLast;
                        seen = true;
                    }
                    else
                    {
                        size += alpha * (y[t] - size);
                        interval += alpha * (sinceLast - interval);
                    }

                    sinceLast = 0;
                }
            }

            forecast = bias * size / interval;
        }

        var ss = 0.0;
        var count = 0;
        for (var t = 0; t < n; t++)
        {
            if (!double.IsNaN(fitted[t]))
            {
                ss += (y[t] - fitted[t]) * (y[t] - fitted[t]);
                count++;
            }
        }

        var sigma2 = count > 0 ? ss / count : 0;
        var parameters = new Dictionary<string, double> { ["alpha"] = alpha, ["forecast"] = forecast, ["sigma2"] = sigma2 };
        if (Method == IntermittentMethod.Tsb)
        {
            parameters["beta"] = beta;
        }

        var summary = new FittedSummary(Name, Method.ToString(), parameters, FitStatistics.None with { Sigma2 = sigma2 }, fitted, series.Timestamps[^1], series.Frequency);
        return new IntermittentFitted(summary, forecast, sigma2, alpha);
    }
}
