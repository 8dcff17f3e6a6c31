namespace Prognos.Tracking;

/// <summary>A run: its attributes and what was logged to it.</summary>
public sealed record Run(RunInfo Info, RunData Data);
