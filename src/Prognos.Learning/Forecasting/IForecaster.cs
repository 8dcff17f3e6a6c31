namespace Prognos.Learning.Forecasting;

/// <summary>
/// A forecasting model specification (e.g. "auto ETS", "ARIMA(1,1,1)(0,1,1)12"). Fitting a series yields an
/// immutable <see cref="IFittedForecaster"/>; the spec itself holds no data.
/// </summary>
public interface IForecaster
{
    /// <summary>Stable short name used on the CLI and in run names: <c>ets</c>, <c>arima</c>, <c>theta</c>, ...</summary>
    string Name { get; }

    /// <summary>Fits the model; throws <see cref="ForecastingException"/> when the series does not suit the model.</summary>
    IFittedForecaster Fit(TimeSeries series, CancellationToken cancellationToken = default);
}

/// <summary>A fitted, immutable forecasting model.</summary>
public interface IFittedForecaster
{
    /// <summary>The spec's name (<c>ets</c>, <c>arima</c>, ...).</summary>
    string Name { get; }

    /// <summary>Human-readable description of what was chosen, e.g. <c>ETS(M,Ad,M)</c> or <c>ARIMA(0,1,1)(0,1,1)[12]</c>.</summary>
    string Description { get; }

    /// <summary>Fitted parameters by name, for logging (alpha, beta, ar1, sigma2, ...).</summary>
    IReadOnlyDictionary<string, double> Parameters { get; }

    /// <summary>Likelihood-based statistics; NaN where a model has no likelihood.</summary>
    FitStatistics Statistics { get; }

    /// <summary>One-step-ahead in-sample fitted values, aligned with the training values (NaN where undefined).</summary>
    double[] Fitted { get; }

    /// <summary>The series the model was fitted on ends here; forecasts start one period later.</summary>
    DateTime LastTimestamp { get; }

    Frequency Frequency { get; }

    /// <summary>Forecasts <see cref="ForecastRequest.Horizon"/> periods after the training data.</summary>
    Forecast Predict(ForecastRequest request);

    /// <summary>Writes the model state; <see cref="ForecastModelFormat.Load"/> reads it back.</summary>
    void Save(Stream stream);
}

/// <summary>What to forecast: the horizon, the interval levels (percent) and future exogenous values.</summary>
public sealed record ForecastRequest(int Horizon, IReadOnlyList<double>? Levels = null, IReadOnlyDictionary<string, double[]>? FutureExogenous = null)
{
    public static readonly IReadOnlyList<double> DefaultLevels = [80, 95];

    public IReadOnlyList<double> EffectiveLevels => Levels ?? DefaultLevels;
}

/// <summary>Likelihood statistics of a fit, as R's forecast and statsmodels report them.</summary>
public sealed record FitStatistics(double LogLikelihood, double Aic, double Aicc, double Bic, double Sigma2, int ParameterCount)
{
    public static readonly FitStatistics None = new(double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, 0);
}

/// <summary>A prediction interval at one level (percent), aligned with the forecast's timestamps.</summary>
public sealed record PredictionInterval(double Level, double[] Lower, double[] Upper);

/// <summary>A point forecast with its intervals.</summary>
public sealed record Forecast(IReadOnlyList<DateTime> Timestamps, double[] Mean, IReadOnlyList<PredictionInterval> Intervals)
{
    public int Horizon => Mean.Length;
}

/// <summary>A series does not suit a model, or a request is invalid; the message says why and what to do.</summary>
public sealed class ForecastingException(string message) : Exception(message);
