using System.Text.Json.Nodes;

namespace Prognos.Learning.Forecasting.Arima;

/// <summary>
/// A fitted regression with seasonal ARIMA errors. Forecasts run the state-space model forward from the final
/// filtered state, with the differencing put back into the state so the forecast variance is R's.
/// </summary>
internal sealed class ArimaFittedModel : IFittedForecaster
{
    public const string Kind = "arima";

    private readonly ArimaModelState _state;

    public ArimaFittedModel(ArimaModelState state)
    {
        _state = state;
        Parameters = BuildParameters(state);
    }

    public string Name => _state.Name;

    public string Description => _state.FallbackReason is null ? _state.Description : $"{_state.Description} (fallback: {_state.FallbackReason})";

    public IReadOnlyDictionary<string, double> Parameters { get; }

    public FitStatistics Statistics => _state.Statistics;

    public double[] Fitted => (double[])_state.Fitted.Clone();

    public DateTime LastTimestamp => _state.LastTimestamp;

    public Frequency Frequency => _state.Frequency;

    /// <summary>The orders that were fitted.</summary>
    public ArimaOrder Order => _state.Order;

    /// <summary>Why a simpler model than asked was fitted, or null.</summary>
    public string? FallbackReason => _state.FallbackReason;

    internal ArimaModelState State => _state;

    public Forecast Predict(ForecastRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var horizon = request.Horizon;
        if (horizon <= 0)
        {
            throw new ForecastingException($"The forecast horizon must be at least 1, got {horizon}.");
        }

        var levels = request.EffectiveLevels;
        foreach (var level in levels)
        {
            if (!(level > 0 && level < 100))
            {
                throw new ForecastingException($"Prediction interval levels are percentages between 0 and 100 (exclusive), got {level}.");
            }
        }

        var regression = FutureRegression(request, horizon);
        var (errorMean, errorVariance) = ForecastErrors(horizon);
        var timestamps = new DateTime[horizon];
        var mean = new double[horizon];
        for (var h = 0; h < horizon; h++)
        {
            timestamps[h] = _state.Frequency.Advance(_state.LastTimestamp, h + 1);
            mean[h] = errorMean[h] + regression[h];
        }

        var intervals = new List<PredictionInterval>(levels.Count);
        foreach (var level in levels)
        {
            var z = StandardNormal.Quantile(0.5 + (level / 200));
            var lower = new double[horizon];
            var upper = new double[horizon];
            for (var h = 0; h < horizon; h++)
            {
                var se = Math.Sqrt(Math.Max(errorVariance[h], 0) * _state.Sigma2);
                lower[h] = mean[h] - (z * se);
                upper[h] = mean[h] + (z * se);
            }

            intervals.Add(new PredictionInterval(level, lower, upper));
        }

        return new Forecast(timestamps, mean, intervals);
    }

    public void Save(Stream stream) => ForecastModelFormat.Write(stream, Kind, _state.ToJson());

    public static IFittedForecaster Load(JsonObject state) => new ArimaFittedModel(ArimaModelState.FromJson(state));

    /// <summary>x'β over the horizon: intercept, drift continuing 1..n, and the caller's exogenous values.</summary>
    private double[] FutureRegression(ForecastRequest request, int horizon)
    {
        var result = new double[horizon];
        for (var j = 0; j < _state.RegressorNames.Length; j++)
        {
            var beta = _state.Coefficients[_state.ArmaCount + j];
            switch (_state.RegressorKinds[j])
            {
                case ArimaRegressorKind.Intercept:
                    for (var h = 0; h < horizon; h++)
                    {
                        result[h] += beta;
                    }

                    break;
                case ArimaRegressorKind.Drift:
                    for (var h = 0; h < horizon; h++)
                    {
                        result[h] += beta * (_state.TrainingLength + h + 1);
                    }

                    break;
                default:
                    var name = _state.RegressorNames[j];
                    if (request.FutureExogenous is null || !request.FutureExogenous.TryGetValue(name, out var future))
                    {
                        throw new ForecastingException($"The model was fitted with exogenous column '{name}'; pass its future values in ForecastRequest.FutureExogenous[\"{name}\"] ({horizon} values).");
                    }

                    if (future.Length < horizon)
                    {
                        throw new ForecastingException($"Exogenous column '{name}' has {future.Length} future values but the horizon is {horizon}; supply at least {horizon}.");
                    }

                    for (var h = 0; h < horizon; h++)
                    {
                        result[h] += beta * future[h];
                    }

                    break;
            }
        }

        return result;
    }

    /// <summary>
    /// Mean and variance (in units of σ²) of the regression-error forecasts. The state is
    /// (ARMA state, u_{t-1}, ..., u_{t-nd}); its differencing part starts known exactly.
    /// </summary>
    private (double[] Mean, double[] Variance) ForecastErrors(int horizon)
    {
        var s = _state;
        var r = s.FilteredState.Length;
        var nd = s.Delta.Length;
        var size = r + nd;
        var transition = new double[size * size];
        for (var i = 0; i < r; i++)
        {
            transition[(i * size)] = i < s.Phi.Length ? s.Phi[i] : 0;
            if (i + 1 < r)
            {
                transition[(i * size) + i + 1] = 1;
            }
        }

        if (nd > 0)
        {
            // u_t = α_t[0] + Σ δ_i u_{t-i} becomes the newest lag; older lags shift down.
            transition[r * size] = 1;
            for (var i = 0; i < nd; i++)
            {
                transition[(r * size) + r + i] = s.Delta[i];
            }

            for (var i = 1; i < nd; i++)
            {
                transition[((r + i) * size) + r + i - 1] = 1;
            }
        }

        var rVector = new double[size];
        rVector[0] = 1;
        for (var i = 1; i < r; i++)
        {
            rVector[i] = i - 1 < s.Theta.Length ? s.Theta[i - 1] : 0;
        }

        // Start at time n+1: the ARMA part predicted one step from the filtered state, the lags u_n..u_{n-nd+1} known exactly.
        var state = new double[size];
        var covariance = new double[size * size];
        for (var i = 0; i < r; i++)
        {
            var next = (i < s.Phi.Length ? s.Phi[i] : 0) * s.FilteredState[0];
            state[i] = i + 1 < r ? next + s.FilteredState[i + 1] : next;
        }

        var filteredCovariance = new double[size * size];
        for (var i = 0; i < r; i++)
        {
            Array.Copy(s.FilteredCovariance, i * r, filteredCovariance, i * size, r);
        }

        MultiplyTransition(transition, filteredCovariance, product: covariance, size);
        var predicted = new double[size * size];
        for (var i = 0; i < r; i++)
        {
            for (var j = 0; j < r; j++)
            {
                predicted[(i * size) + j] = Transposed(covariance, transition, i, j, size) + (rVector[i] * rVector[j]);
            }
        }

        covariance = predicted;
        for (var i = 0; i < nd; i++)
        {
            state[r + i] = s.LastRegressionErrors[nd - 1 - i];
        }

        var mean = new double[horizon];
        var variance = new double[horizon];
        var nextState = new double[size];
        var product = new double[size * size];
        for (var h = 0; h < horizon; h++)
        {
            if (h > 0)
            {
                for (var i = 0; i < size; i++)
                {
                    var value = 0.0;
                    for (var k = 0; k < size; k++)
                    {
                        value += transition[(i * size) + k] * state[k];
                    }

                    nextState[i] = value;
                }

                (state, nextState) = (nextState, state);
                MultiplyTransition(transition, covariance, product, size);
                for (var i = 0; i < size; i++)
                {
                    for (var j = 0; j < size; j++)
                    {
                        covariance[(i * size) + j] = Transposed(product, transition, i, j, size) + (rVector[i] * rVector[j]);
                    }
                }
            }

            // Observation: u = α[0] + δ·lags.
            var forecast = state[0];
            var v = covariance[0];
            for (var i = 0; i < nd; i++)
            {
                forecast += s.Delta[i] * state[r + i];
                v += 2 * s.Delta[i] * covariance[r + i];
                for (var j = 0; j < nd; j++)
                {
                    v += s.Delta[i] * s.Delta[j] * covariance[((r + i) * size) + r + j];
                }
            }

            mean[h] = forecast;
            variance[h] = v;
        }

        return (mean, variance);
    }

    private static void MultiplyTransition(double[] transition, double[] covariance, double[] product, int size)
    {
        // product = T · C
        for (var i = 0; i < size; i++)
        {
            for (var j = 0; j < size; j++)
            {
                var value = 0.0;
                for (var k = 0; k < size; k++)
                {
                    var tik = transition[(i * size) + k];
                    if (tik != 0)
                    {
                        value += tik * covariance[(k * size) + j];
                    }
                }

                product[(i * size) + j] = value;
            }
        }
    }

    private static double Transposed(double[] product, double[] transition, int i, int j, int size)
    {
        // (T C T')_{ij} = Σ_k (T C)_{ik} T_{jk}
        var value = 0.0;
        for (var k = 0; k < size; k++)
        {
            var tjk = transition[(j * size) + k];
            if (tjk != 0)
            {
                value += product[(i * size) + k] * tjk;
            }
        }

        return value;
    }

    private static Dictionary<string, double> BuildParameters(ArimaModelState state)
    {
        var parameters = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < state.CoefficientNames.Length; i++)
        {
            parameters[state.CoefficientNames[i]] = state.Coefficients[i];
        }

        parameters["sigma2"] = state.Sigma2;
        return parameters;
    }
}
