using Prognos.Learning.Forecasting;

namespace Prognos.Cli.Forecasting;

/// <summary>One model on one series: its cross-validated scores, the model refitted on the whole series and its forecast, or why it failed.</summary>
internal sealed record SeriesOutcome(TimeSeries Series, IFittedForecaster? Model, Forecast? Forecast, ForecastScores? Scores, double Seconds, string? Error)
{
    public bool Succeeded => Model is not null;
}
