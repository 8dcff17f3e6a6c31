namespace Prognos.Tracking;

/// <summary>One point of a metric's history: value (NaN and ±Infinity allowed), timestamp in ms, step.</summary>
public readonly record struct Metric(string Key, double Value, long Timestamp, long Step = 0);
