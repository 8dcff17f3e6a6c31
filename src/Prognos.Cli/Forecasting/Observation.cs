namespace Prognos.Cli.Forecasting;

/// <summary>One CSV row of a series: its time, value (NaN when missing) and data row number (1 = line 2).</summary>
internal sealed record Observation(DateTime Time, double Value, int Row);
