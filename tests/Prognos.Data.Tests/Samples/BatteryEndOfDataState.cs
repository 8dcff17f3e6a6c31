using Xunit;

namespace Prognos.Data.Tests.Samples;

/// <summary>
/// What an operator sees for one battery on the last day: its reported lifetime cycles and its mean daily cycles
/// over the last 30 days (first row per timestamp, empty cells skipped), and so whether it passes its rated cycles
/// within the next 30 days at that rate.
/// </summary>
internal sealed record BatteryEndOfDataState(string BatteryId, double LifetimeCycles, double RecentDailyCycles, double RatedCycles)
{
    public const int HorizonDays = 30;

    public double ProjectedLifetimeCycles => LifetimeCycles + HorizonDays * RecentDailyCycles;

    public bool AlreadyPastRatedCycles => LifetimeCycles >= RatedCycles;

    public bool PassesRatedCyclesWithinHorizon => !AlreadyPastRatedCycles && ProjectedLifetimeCycles >= RatedCycles;

    /// <summary>Needs daily rows over the last 30 days, i.e. data that ends at least 30 days into the daily cadence.</summary>
    public static IReadOnlyList<BatteryEndOfDataState> Of(IEnumerable<RawBatteryRow> rows)
    {
        return rows
            .GroupBy(row => row.BatteryId)
            .Select(battery =>
            {
                var firstPerTimestamp = battery.GroupBy(row => row.Date).Select(same => same.First()).OrderBy(row => row.Date).ToArray();
                var last = firstPerTimestamp[^1];
                var recent = firstPerTimestamp
                    .Where(row => row.Date > last.Date.AddDays(-HorizonDays) && row.DailyCycles is not null)
                    .Select(row => row.DailyCycles!.Value)
                    .ToArray();
                Assert.True(recent.Length >= 20, $"{battery.Key} has only {recent.Length} daily rows in its last 30 days");
                return new BatteryEndOfDataState(battery.Key, last.LifetimeCycles!.Value, recent.Average(), last.RatedCycles!.Value);
            })
            .OrderBy(state => state.BatteryId, StringComparer.Ordinal)
            .ToArray();
    }
}
