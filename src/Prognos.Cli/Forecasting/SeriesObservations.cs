namespace Prognos.Cli.Forecasting;

/// <summary>The rows of one series as read from a CSV (series id null when the file holds one series).</summary>
internal sealed record SeriesObservations(string? SeriesId, IReadOnlyList<Observation> Rows);
