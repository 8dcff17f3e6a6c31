namespace Prognos.Data.Samples;

/// <summary>The fixed character of one simulated battery; <see cref="CyclesPerDrivingMinute"/> is calibrated afterwards.</summary>
internal sealed record BatteryProfile(
    int Index,
    string Id,
    DateOnly FirstDay,
    DateOnly ManufacturedOn,
    double WeekdayTrips,
    double WeekendFactor,
    double MinutesPerTrip,
    double WearPerYear,
    double InitialLifetimeCycles,
    bool PassesRatedCyclesWithin30Days,
    double DaysToRatedCyclesAfterEnd)
{
    public double CyclesPerDrivingMinute { get; init; } = 1.0;

    public static string IdOf(int index) => $"B{index + 1:D4}";

    /// <summary>
    /// Draws a profile. Within each block of five consecutive batteries exactly two (positions chosen by the seed) are
    /// near the end of their life: they are calibrated to reach the rated cycles 4–20 days after the data ends at their
    /// last-30-day rate, the other three 60–900 days after. So any five consecutive batteries hold both groups.
    /// </summary>
    public static BatteryProfile Draw(long seed, int index, DateOnly start, DateOnly until)
    {
        var random = SeededRandom.For(seed, index, RandomPurpose.Profile);
        var latestJoin = Math.Min(60, until.DayNumber - start.DayNumber - 90);
        var firstDay = start.AddDays(random.NextInt(0, latestJoin + 1));
        var passes = IsNearEndOfLife(seed, index);
        return new BatteryProfile(
            Index: index,
            Id: IdOf(index),
            FirstDay: firstDay,
            ManufacturedOn: firstDay.AddDays(-random.NextInt(5, 121)),
            WeekdayTrips: random.NextDouble(2.0, 5.5),
            WeekendFactor: random.NextDouble(0.35, 0.75),
            MinutesPerTrip: random.NextDouble(12, 38),
            WearPerYear: random.NextDouble(0.03, 0.10),
            InitialLifetimeCycles: Math.Round(random.NextDouble(0, 0.6), 2),
            PassesRatedCyclesWithin30Days: passes,
            DaysToRatedCyclesAfterEnd: passes ? random.NextDouble(4, 20) : random.NextDouble(60, 900));
    }

    private static bool IsNearEndOfLife(long seed, int index)
    {
        var block = SeededRandom.For(seed, index / 5, RandomPurpose.Groups);
        var first = block.NextInt(0, 5);
        var second = (first + block.NextInt(1, 5)) % 5;
        var position = index % 5;
        return position == first || position == second;
    }
}
