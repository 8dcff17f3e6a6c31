namespace Prognos.Bench.Forecasting;

/// <summary>What one method did on one series: the model it chose (or why it failed) and its holdout errors.</summary>
internal sealed record SeriesScore(string SeriesId, string Model, double Seconds, double Mase, double Smape, string? Error);
