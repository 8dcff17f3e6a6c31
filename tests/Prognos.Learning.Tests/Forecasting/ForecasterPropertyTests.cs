using FsCheck;
using FsCheck.Xunit;
using Prognos.Learning.Forecasting;
using Prognos.Learning.Forecasting.Baselines;
using Prognos.Learning.Forecasting.Ensembles;
using Prognos.Learning.Forecasting.Ets;
using Prognos.Learning.Forecasting.Intermittent;
using Prognos.Learning.Forecasting.StateSpace;
using Prognos.Learning.Forecasting.Theta;

namespace Prognos.Learning.Tests.Forecasting;

/// <summary>
/// The forecaster contract on random series and horizons: horizon length, continuing timestamps, intervals around the
/// mean (widening where the model's variance grows with the horizon), determinism and save/load round trips.
/// </summary>
public sealed class ForecasterPropertyTests
{
    private static int Horizon(PositiveInt raw) => 1 + raw.Get % 24;

    [Property(MaxTest = 15)]
    public void Naive(PositiveInt seed, PositiveInt horizon) =>
        ForecasterContract.Check(new BaselineForecaster(BaselineMethod.Naive), SyntheticSeries.Monthly(seed.Get), Horizon(horizon));

    [Property(MaxTest = 15)]
    public void Seasonal_naive(PositiveInt seed, PositiveInt horizon) =>
        ForecasterContract.Check(new BaselineForecaster(BaselineMethod.SeasonalNaive), SyntheticSeries.Monthly(seed.Get), Horizon(horizon));

    [Property(MaxTest = 15)]
    public void Drift(PositiveInt seed, PositiveInt horizon) =>
        ForecasterContract.Check(new BaselineForecaster(BaselineMethod.Drift), SyntheticSeries.Monthly(seed.Get), Horizon(horizon));

    [Property(MaxTest = 15)]
    public void Mean(PositiveInt seed, PositiveInt horizon) =>
        ForecasterContract.Check(new BaselineForecaster(BaselineMethod.Mean), SyntheticSeries.Monthly(seed.Get), Horizon(horizon));

    [Property(MaxTest = 6)]
    public void Auto_ets(PositiveInt seed, PositiveInt horizon)
    {
        var series = SyntheticSeries.Monthly(seed.Get);
        var fitted = (EtsFitted)new EtsForecaster().Fit(series);

        // Multiplicative components make the interval scale with the level and season, so it need not widen.
        var additive = !fitted.Type.MultiplicativeError && fitted.Type.Season != EtsSeason.Multiplicative;
        ForecasterContract.Check(new EtsForecaster(), series, Horizon(horizon), intervalsWiden: additive);
    }

    [Property(MaxTest = 6)]
    public void Additive_ets_models(PositiveInt seed, PositiveInt horizon)
    {
        var series = SyntheticSeries.Monthly(seed.Get);
        foreach (var model in new[] { "ANN", "AAN", "AAdN", "ANA", "AAdA" })
        {
            ForecasterContract.Check(new EtsForecaster(model), series, Horizon(horizon));
        }
    }

    [Property(MaxTest = 4)]
    public void Multiplicative_ets_models(PositiveInt seed, PositiveInt horizon)
    {
        var series = SyntheticSeries.Monthly(seed.Get);
        foreach (var model in new[] { "MNN", "MAdN", "MAM", "MNA" })
        {
            ForecasterContract.Check(new EtsForecaster(model), series, Horizon(horizon), intervalsWiden: false);
        }
    }

    [Property(MaxTest = 10)]
    public void Theta(PositiveInt seed, PositiveInt horizon) =>
        ForecasterContract.Check(new ThetaForecaster(), SyntheticSeries.Monthly(seed.Get), Horizon(horizon));

    [Property(MaxTest = 10)]
    public void Optimised_theta(PositiveInt seed, PositiveInt horizon) =>
        ForecasterContract.Check(new ThetaForecaster(optimised: true), SyntheticSeries.Monthly(seed.Get), Horizon(horizon));

    [Property(MaxTest = 6)]
    public void Local_level(PositiveInt seed, PositiveInt horizon) =>
        ForecasterContract.Check(new StructuralForecaster(StructuralTrend.LocalLevel), SyntheticSeries.Monthly(seed.Get), Horizon(horizon));

    [Property(MaxTest = 6)]
    public void Local_linear_trend(PositiveInt seed, PositiveInt horizon) =>
        ForecasterContract.Check(new StructuralForecaster(), SyntheticSeries.Monthly(seed.Get), Horizon(horizon));

    // Seasonal states are known more or less precisely by position, so the variance need not grow every step.
    [Property(MaxTest = 3)]
    public void Local_linear_trend_with_seasonal(PositiveInt seed, PositiveInt horizon) =>
        ForecasterContract.Check(new StructuralForecaster(seasonal: true), SyntheticSeries.Monthly(seed.Get), Horizon(horizon), intervalsWiden: false);

    [Property(MaxTest = 15)]
    public void Croston(PositiveInt seed, PositiveInt horizon) =>
        ForecasterContract.Check(new IntermittentForecaster(IntermittentMethod.Croston), SyntheticSeries.Intermittent(seed.Get), Horizon(horizon));

    [Property(MaxTest = 15)]
    public void Syntetos_boylan(PositiveInt seed, PositiveInt horizon) =>
        ForecasterContract.Check(new IntermittentForecaster(IntermittentMethod.SyntetosBoylan), SyntheticSeries.Intermittent(seed.Get), Horizon(horizon));

    [Property(MaxTest = 15)]
    public void Tsb(PositiveInt seed, PositiveInt horizon) =>
        ForecasterContract.Check(new IntermittentForecaster(IntermittentMethod.Tsb), SyntheticSeries.Intermittent(seed.Get), Horizon(horizon));

    [Property(MaxTest = 4)]
    public void Ensemble(PositiveInt seed, PositiveInt horizon) =>
        ForecasterContract.Check(
            new EnsembleForecaster([new ThetaForecaster(), new BaselineForecaster(BaselineMethod.Drift), new EtsForecaster("AAN")]),
            SyntheticSeries.Monthly(seed.Get),
            Horizon(horizon));

    [Property(MaxTest = 3)]
    public void Weighted_ensemble(PositiveInt seed, PositiveInt horizon) =>
        ForecasterContract.Check(
            new EnsembleForecaster([new ThetaForecaster(), new BaselineForecaster(BaselineMethod.Drift), new BaselineForecaster(BaselineMethod.SeasonalNaive)], EnsembleWeighting.InverseCrossValidationError, topK: 2),
            SyntheticSeries.Monthly(seed.Get),
            Horizon(horizon));
}
