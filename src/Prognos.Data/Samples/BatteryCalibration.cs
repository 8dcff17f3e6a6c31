namespace Prognos.Data.Samples;

/// <summary>
/// Chooses a battery's cycles per driving minute so that its story ends where its group says: a dry run of its
/// usage gives the total up to the last day and the mean daily usage over the last 30 days, and the scale is set so
/// that lifetime-at-end + DaysToRatedCyclesAfterEnd × recent-daily-rate = rated cycles exactly.
/// </summary>
internal static class BatteryCalibration
{
    public const int RecentDays = 30;

    public static BatteryProfile Calibrate(BatteryProfile profile, long seed, DateOnly until, double ratedCycles)
    {
        var usage = new BatteryUsage(profile, seed);
        var recentFrom = until.AddDays(1 - RecentDays).ToDateTime(TimeOnly.MinValue);
        var total = 0.0;
        var recent = 0.0;
        foreach (var timestamp in TelemetrySchedule.Timestamps(profile.FirstDay, until))
        {
            var cycles = usage.Next(timestamp, TelemetrySchedule.PeriodAfter(timestamp)).UnscaledCycles;
            total += cycles;
            if (timestamp >= recentFrom)
            {
                recent += cycles;
            }
        }

        var recentDailyRate = recent / RecentDays;
        var unscaledAtCrossing = total + profile.DaysToRatedCyclesAfterEnd * recentDailyRate;
        var scale = unscaledAtCrossing > 0 ? (ratedCycles - profile.InitialLifetimeCycles) / unscaledAtCrossing : 0.0;
        return profile with { CyclesPerDrivingMinute = scale };
    }
}
