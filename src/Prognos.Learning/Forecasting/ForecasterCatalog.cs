using Prognos.Learning.Forecasting.Baselines;
using Prognos.Learning.Forecasting.Ensembles;
using Prognos.Learning.Forecasting.Ets;
using Prognos.Learning.Forecasting.Intermittent;
using Prognos.Learning.Forecasting.StateSpace;
using Prognos.Learning.Forecasting.Theta;

namespace Prognos.Learning.Forecasting;

/// <summary>Maps the CLI's forecaster names (<c>ets</c>, <c>theta</c>, <c>ssm-llt</c>, ...) to model specifications.</summary>
public static class ForecasterCatalog
{
    private static readonly Dictionary<string, Func<IForecaster>> Factories = new(StringComparer.OrdinalIgnoreCase)
    {
        ["naive"] = () => new BaselineForecaster(BaselineMethod.Naive),
        ["snaive"] = () => new BaselineForecaster(BaselineMethod.SeasonalNaive),
        ["drift"] = () => new BaselineForecaster(BaselineMethod.Drift),
        ["mean"] = () => new BaselineForecaster(BaselineMethod.Mean),
        ["ets"] = () => new EtsForecaster(),
        ["arima"] = () => new Arima.AutoArimaForecaster(),
        ["theta"] = () => new ThetaForecaster(),
        ["otheta"] = () => new ThetaForecaster(optimised: true),
        ["ssm-local-level"] = () => new StructuralForecaster(StructuralTrend.LocalLevel),
        ["ssm-llt"] = () => new StructuralForecaster(StructuralTrend.LocalLinearTrend),
        ["ssm"] = () => new StructuralForecaster(StructuralTrend.LocalLinearTrend),
        ["croston"] = () => new IntermittentForecaster(IntermittentMethod.Croston),
        ["tsb"] = () => new IntermittentForecaster(IntermittentMethod.Tsb),
        ["ensemble"] = () => new EnsembleForecaster([new EtsForecaster(), new ThetaForecaster(), new ThetaForecaster(optimised: true)]),
    };

    /// <summary>Every name <see cref="Create"/> accepts, sorted.</summary>
    public static IReadOnlyList<string> Names
    {
        get
        {
            lock (Factories)
            {
                return Factories.Keys.Order(StringComparer.Ordinal).ToArray();
            }
        }
    }

    /// <summary>A new specification for <paramref name="name"/>; unknown names fail with the list of valid ones.</summary>
    public static IForecaster Create(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        Func<IForecaster>? factory;
        lock (Factories)
        {
            Factories.TryGetValue(name.Trim(), out factory);
        }

        return factory?.Invoke() ?? throw new ForecastingException(
            $"Unknown forecaster '{name}'; valid names are: {string.Join(", ", Names)}.");
    }

    /// <summary>Adds a forecaster kind implemented elsewhere in Prognos (e.g. <c>arima</c>).</summary>
    internal static void Register(string name, Func<IForecaster> factory)
    {
        lock (Factories)
        {
            Factories[name] = factory;
        }
    }
}
