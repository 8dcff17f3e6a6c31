namespace Prognos.Learning.Forecasting.Evaluation;

/// <summary>The outcome of fitting one series of a panel: the model, or why it failed.</summary>
public sealed record PanelFit(int Index, string? SeriesId, IFittedForecaster? Model, string? Error)
{
    public bool Succeeded => Model is not null;
}
