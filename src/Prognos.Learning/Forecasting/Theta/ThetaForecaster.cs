using Prognos.Learning.Forecasting.Ets;
using Prognos.Learning.Forecasting.Optimisation;

namespace Prognos.Learning.Forecasting.Theta;

/// <summary>
/// The Theta method. Standard: R's <c>thetaf</c> (simple exponential smoothing plus half the regression slope, on the
/// multiplicatively deseasonalised series when a 90% autocorrelation test finds seasonality). Optimised: the theta
/// coefficient, α and ℓ₀ chosen by the mean squared one-step error (Fiorucci et al. 2016, OTM).
/// </summary>
public sealed class ThetaForecaster(bool optimised = false) : IForecaster
{
    public bool Optimised { get; } = optimised;

    public string Name => Optimised ? "otheta" : "theta";

    public IFittedForecaster Fit(TimeSeries series, CancellationToken cancellationToken = default)
    {
        var y = SeriesValidation.RequireFitInput(series, 4, Optimised ? "Optimised Theta" : "Theta");
        var n = y.Length;
        var m = Math.Max(1, series.SeasonalPeriod);
        var seasonal = SeasonalityTest.IsSeasonal(y, m) && y.All(v => v > 0);
        var figure = seasonal ? ClassicalDecomposition.SeasonalFigure(y, m, multiplicative: true) : [1.0];
        var adjusted = new double[n];
        for (var t = 0; t < n; t++)
        {
            adjusted[t] = y[t] / figure[t % figure.Length];
        }

        var (intercept, slope) = LeastSquaresLine(adjusted);
        double alpha, level, sigma2, theta, forecastIntercept, forecastSlope;
        var fittedAdjusted = new double[n];
        if (!Optimised)
        {
            var fit = new EtsForecaster("ANN").Estimate(adjusted, 1, cancellationToken);
            alpha = Math.Max(1e-10, fit.Parameters.Alpha);
            level = fit.Level;
            sigma2 = fit.Sigma2;
            theta = 2;
            forecastSlope = slope / 2;
            forecastIntercept = level + forecastSlope * (1 - Math.Pow(1 - alpha, n)) / alpha;
            fit.Fitted.CopyTo(fittedAdjusted, 0);
        }
        else
        {
            (alpha, theta, level, sigma2) = OptimiseTheta(adjusted, intercept, slope, fittedAdjusted);
            var weight = 1 - 1 / theta;
            forecastSlope = weight * slope;
            forecastIntercept = level + weight * (Math.Pow(1 - alpha, n) * intercept + (1 - Math.Pow(1 - alpha, n + 1)) / alpha * slope);
        }

        var fitted = new double[n];
        for (var t = 0; t < n; t++)
        {
            fitted[t] = fittedAdjusted[t] * figure[t % figure.Length];
        }

        var parameters = new Dictionary<string, double>
        {
            ["alpha"] = alpha,
            ["theta"] = theta,
            ["drift"] = forecastSlope,
            ["sigma2"] = sigma2,
        };
        var description = (Optimised ? $"Optimised Theta (theta={theta:G4})" : "Theta") + (seasonal ? $", multiplicative seasonal adjustment (m={m})" : string.Empty);
        var summary = new FittedSummary(Name, description, parameters, FitStatistics.None with { Sigma2 = sigma2 }, fitted, series.Timestamps[^1], series.Frequency);
        return new ThetaFitted(summary, forecastIntercept, forecastSlope, alpha, sigma2, figure, n % figure.Length);
    }

    private static (double Alpha, double Theta, double Level, double Sigma2) OptimiseTheta(double[] y, double a, double b, double[] fitted)
    {
        var n = y.Length;

        // One-step forecast at t (0-based, predicting y[t]) from ℓ_{t}: ℓ + (1 − 1/θ)[(1−α)^t·A + (1−(1−α)^{t+1})/α·B].
        double Mse(ReadOnlySpan<double> x, Span<double> record)
        {
            var level = x[0];
            var alpha = x[1];
            var theta = x[2];
            if (!(alpha > 1e-4 && alpha < 0.9999 && theta >= 1 && theta < 1e3))
            {
                return double.PositiveInfinity;
            }

            var weight = 1 - 1 / theta;
            var decay = 1.0;
            var sse = 0.0;
            for (var t = 0; t < n; t++)
            {
                var forecast = level + weight * (decay * a + (1 - decay * (1 - alpha)) / alpha * b);
                if (record.Length > 0)
                {
                    record[t] = forecast;
                }

                var e = y[t] - forecast;
                sse += e * e;
                level = alpha * y[t] + (1 - alpha) * level;
                decay *= 1 - alpha;
            }

            return sse / n;
        }

        var result = NelderMead.Minimize(x => Mse(x, default), [y[0], 0.5, 2.0], [0.1 * (Math.Abs(y[0]) + 1), 0.1, 0.5]);
        var best = result.Minimum;
        Mse(best, fitted);

        var finalLevel = best[0];
        foreach (var v in y)
        {
            finalLevel = best[1] * v + (1 - best[1]) * finalLevel;
        }

        // σ² with the three estimated quantities removed, as R's ets counts them for SES.
        var sigma2 = result.Value * n / Math.Max(1, n - 3);
        return (best[1], best[2], finalLevel, sigma2);
    }

    private static (double Intercept, double Slope) LeastSquaresLine(double[] y)
    {
        // Regressor t = 1..n, so the intercept is the value at t = 0.
        var n = y.Length;
        var meanT = (n + 1) / 2.0;
        var meanY = y.Average();
        double sxy = 0, sxx = 0;
        for (var t = 0; t < n; t++)
        {
            sxy += (t + 1 - meanT) * (y[t] - meanY);
            sxx += (t + 1 - meanT) * (t + 1 - meanT);
        }

        var slope = sxy / sxx;
        return (meanY - slope * meanT, slope);
    }
}
