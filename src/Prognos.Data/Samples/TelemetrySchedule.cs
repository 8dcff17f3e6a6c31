namespace Prognos.Data.Samples;

/// <summary>When a battery reports: at 00:00 and 12:00 before <see cref="ConnectedCarSample.DailyFrom"/>, at 00:00 from then on.</summary>
internal static class TelemetrySchedule
{
    public static readonly TimeSpan HalfDay = TimeSpan.FromHours(12);
    public static readonly TimeSpan Day = TimeSpan.FromDays(1);

    public static TimeSpan PeriodAfter(DateTime timestamp) => timestamp < ConnectedCarSample.DailyFrom ? HalfDay : Day;

    public static IEnumerable<DateTime> Timestamps(DateOnly first, DateOnly until)
    {
        var end = until.ToDateTime(TimeOnly.MinValue);
        for (var timestamp = first.ToDateTime(TimeOnly.MinValue); timestamp <= end; timestamp += PeriodAfter(timestamp))
        {
            yield return timestamp;
        }
    }
}
