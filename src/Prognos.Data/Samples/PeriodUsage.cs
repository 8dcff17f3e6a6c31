namespace Prognos.Data.Samples;

/// <summary>What a battery really did in one reporting period (before calibration of the cycles).</summary>
internal readonly record struct PeriodUsage(int Trips, double DrivingMinutes, double UnscaledCycles);
