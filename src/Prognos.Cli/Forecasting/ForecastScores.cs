using Prognos.Learning.Forecasting;
using Prognos.Learning.Forecasting.Evaluation;

namespace Prognos.Cli.Forecasting;

/// <summary>
/// Accuracy of forecasts against actuals: point metrics and the share of actuals inside the 80% and 95% intervals.
/// NRMSE and MASE need the training values (range and seasonal-naive scale); they are NaN without them.
/// </summary>
internal sealed record ForecastScores(double Mae, double Rmse, double Nrmse, double Mape, double Smape, double Mase, double Coverage80, double Coverage95)
{
    public static readonly string[] MetricNames = ["mae", "rmse", "nrmse", "mape", "smape", "mase"];

    public static ForecastScores Of(double[] actuals, double[] mean, IReadOnlyList<PredictionInterval> intervals, double[]? training, int seasonalPeriod) => new(
        ForecastMetrics.Mae(actuals, mean),
        ForecastMetrics.Rmse(actuals, mean),
        training is { Length: > 0 } ? ForecastMetrics.Nrmse(actuals, mean, training) : double.NaN,
        ForecastMetrics.Mape(actuals, mean),
        ForecastMetrics.Smape(actuals, mean),
        training is { Length: > 1 } ? Safe(() => ForecastMetrics.Mase(actuals, mean, training, seasonalPeriod)) : double.NaN,
        CoverageAt(80, actuals, intervals),
        CoverageAt(95, actuals, intervals));

    /// <summary>The mean of each metric over <paramref name="scores"/>, skipping NaN (e.g. MAPE of a series with zeros).</summary>
    public static ForecastScores Average(IReadOnlyCollection<ForecastScores> scores) => new(
        Mean(scores.Select(s => s.Mae)), Mean(scores.Select(s => s.Rmse)), Mean(scores.Select(s => s.Nrmse)), Mean(scores.Select(s => s.Mape)),
        Mean(scores.Select(s => s.Smape)), Mean(scores.Select(s => s.Mase)), Mean(scores.Select(s => s.Coverage80)), Mean(scores.Select(s => s.Coverage95)));

    /// <summary>The value of a primary metric by its CLI name (see <see cref="MetricNames"/>).</summary>
    public double Get(string metric) => metric switch
    {
        "mae" => Mae,
        "rmse" => Rmse,
        "nrmse" => Nrmse,
        "mape" => Mape,
        "smape" => Smape,
        "mase" => Mase,
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, null),
    };

    public IEnumerable<(string Key, double Value)> Pairs() =>
    [
        ("mae", Mae), ("rmse", Rmse), ("nrmse", Nrmse), ("mape", Mape), ("smape", Smape), ("mase", Mase), ("coverage_80", Coverage80), ("coverage_95", Coverage95),
    ];

    private static double CoverageAt(double level, double[] actuals, IReadOnlyList<PredictionInterval> intervals) =>
        intervals.FirstOrDefault(i => Math.Abs(i.Level - level) < 1e-9) is { } interval ? ForecastMetrics.Coverage(actuals, interval.Lower, interval.Upper) : double.NaN;

    private static double Mean(IEnumerable<double> values)
    {
        var finite = values.Where(v => !double.IsNaN(v)).ToList();
        return finite.Count == 0 ? double.NaN : finite.Average();
    }

    private static double Safe(Func<double> metric)
    {
        try
        {
            return metric();
        }
        catch (ForecastingException)
        {
            return double.NaN;
        }
    }
}
