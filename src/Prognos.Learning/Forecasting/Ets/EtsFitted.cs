using System.Text.Json.Nodes;

namespace Prognos.Learning.Forecasting.Ets;

/// <summary>
/// A fitted ETS model. Intervals are analytic for additive-error models (class 1) and for multiplicative errors with
/// additive components (class 2), and simulated with a fixed seed for multiplicative seasonality (class 3).
/// </summary>
internal sealed class EtsFitted(
    FittedSummary summary,
    EtsModelType type,
    EtsParameters parameters,
    double level,
    double trend,
    double[] season,
    int nextPosition,
    double sigma2,
    IReadOnlyList<string> skippedModels) : FittedForecaster(summary)
{
    public const string KindName = "ets";
    private const int Simulations = 5000;
    private const int Seed = 20260101;

    protected override string Kind => KindName;

    public EtsModelType Type => type;

    /// <summary>Why automatic selection left models out (e.g. multiplicative ones for data with zeros).</summary>
    public IReadOnlyList<string> SkippedModels => skippedModels;

    public static EtsFitted From(EtsFit fit, TimeSeries series)
    {
        var values = new Dictionary<string, double> { ["alpha"] = fit.Parameters.Alpha };
        if (fit.Type.HasTrend)
        {
            values["beta"] = fit.Parameters.Beta;
        }

        if (fit.Type.IsSeasonal)
        {
            values["gamma"] = fit.Parameters.Gamma;
        }

        if (fit.Type.IsDamped)
        {
            values["phi"] = fit.Parameters.Phi;
        }

        values["l0"] = fit.InitialStates[0];
        if (fit.Type.HasTrend)
        {
            values["b0"] = fit.InitialStates[1];
        }

        values["sigma2"] = fit.Sigma2;
        var summary = new FittedSummary(
            KindName,
            fit.Type.ToString(),
            values,
            new FitStatistics(fit.LogLikelihood, fit.Aic, fit.Aicc, fit.Bic, fit.Sigma2, fit.ParameterCount),
            fit.Fitted,
            series.Timestamps[^1],
            series.Frequency);
        return new EtsFitted(summary, fit.Type, fit.Parameters, fit.Level, fit.Trend, fit.Season, fit.NextPosition, fit.Sigma2, fit.Skipped);
    }

    public static EtsFitted Load(JsonObject state)
    {
        var p = ModelJson.Doubles(state, "smoothing");
        return new EtsFitted(
            ReadSummary(state),
            EtsModelType.Parse(ModelJson.String(state, "model")),
            new EtsParameters(p[0], p[1], p[2], p[3]),
            ModelJson.Double(state, "level"),
            ModelJson.Double(state, "trend"),
            ModelJson.Doubles(state, "season"),
            ModelJson.Int(state, "nextPosition"),
            ModelJson.Double(state, "sigma2"),
            state["skipped"]?.AsArray().Select(n => n!.GetValue<string>()).ToArray() ?? []);
    }

    protected override void WriteState(JsonObject state)
    {
        state["model"] = type.Code;
        state["smoothing"] = ModelJson.Array([parameters.Alpha, parameters.Beta, parameters.Gamma, parameters.Phi]);
        state["level"] = ModelJson.Number(level);
        state["trend"] = ModelJson.Number(trend);
        state["season"] = ModelJson.Array(season);
        state["nextPosition"] = nextPosition;
        state["sigma2"] = ModelJson.Number(sigma2);
        state["skipped"] = new JsonArray(skippedModels.Select(n => (JsonNode)JsonValue.Create(n)!).ToArray());
    }

    protected override Forecast PredictCore(ForecastRequest request)
    {
        var horizon = request.Horizon;
        var mean = new double[horizon];
        EtsRecursions.PointForecasts(type, parameters, level, trend, season, nextPosition, mean);
        if (type.Season == EtsSeason.Multiplicative)
        {
            return SimulatedForecast(mean, request);
        }

        // c_j = α + β·Σφ^i + γ·[j ≡ 0 mod m] (Hyndman et al. 2008, table 6.1).
        var c = new double[horizon];
        var dampedSum = 0.0;
        var phiPower = 1.0;
        for (var j = 1; j < horizon; j++)
        {
            phiPower *= type.IsDamped ? parameters.Phi : 1;
            dampedSum += phiPower;
            c[j] = parameters.Alpha
                + (type.HasTrend ? parameters.Beta * dampedSum : 0)
                + (type.IsSeasonal && j % season.Length == 0 ? parameters.Gamma : 0);
        }

        var sd = new double[horizon];
        if (!type.MultiplicativeError)
        {
            var sum = 1.0;
            for (var h = 0; h < horizon; h++)
            {
                if (h > 0)
                {
                    sum += c[h] * c[h];
                }

                sd[h] = Math.Sqrt(sigma2 * sum);
            }
        }
        else
        {
            // Class 2: θ₁ = μ₁², θ_h = μ_h² + σ²Σ c_j² θ_{h−j}; var_h = (1 + σ²)θ_h − μ_h².
            var theta = new double[horizon];
            for (var h = 0; h < horizon; h++)
            {
                var sum = 0.0;
                for (var j = 1; j <= h; j++)
                {
                    sum += c[j] * c[j] * theta[h - j];
                }

                theta[h] = mean[h] * mean[h] + sigma2 * sum;
                sd[h] = Math.Sqrt(Math.Max(0, (1 + sigma2) * theta[h] - mean[h] * mean[h]));
            }
        }

        return NormalForecast(mean, sd, request);
    }

    private Forecast SimulatedForecast(double[] mean, ForecastRequest request)
    {
        var horizon = mean.Length;
        var paths = new double[horizon * Simulations];
        var random = new Random(Seed);
        var sigma = Math.Sqrt(sigma2);
        var state = new double[season.Length];
        for (var path = 0; path < Simulations; path++)
        {
            double l = level, b = trend;
            season.CopyTo(state, 0);
            for (var h = 0; h < horizon; h++)
            {
                var position = (nextPosition + h) % state.Length;
                var f = EtsRecursions.OneStep(type, parameters, l, b, state, position);
                var e = sigma * StandardNormal(random);
                var y = type.MultiplicativeError ? f * (1 + e) : f + e;
                paths[h * Simulations + path] = y;
                EtsRecursions.Step(type, parameters, ref l, ref b, state, position, y);
            }
        }

        var intervals = new List<PredictionInterval>();
        foreach (var levelPercent in request.EffectiveLevels)
        {
            var lower = new double[horizon];
            var upper = new double[horizon];
            for (var h = 0; h < horizon; h++)
            {
                var draws = paths.AsSpan(h * Simulations, Simulations);
                lower[h] = Math.Min(mean[h], Quantiles.Empirical(draws, 0.5 - levelPercent / 200.0));
                upper[h] = Math.Max(mean[h], Quantiles.Empirical(draws, 0.5 + levelPercent / 200.0));
            }

            intervals.Add(new PredictionInterval(levelPercent, lower, upper));
        }

        return new Forecast(FutureTimestamps(horizon), mean, intervals);
    }

    private static double StandardNormal(Random random)
    {
        // Box–Muller; 1 − U keeps the logarithm's argument in (0, 1].
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
