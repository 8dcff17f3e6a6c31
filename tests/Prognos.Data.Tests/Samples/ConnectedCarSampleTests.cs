using FsCheck;
using FsCheck.Fluent;
using Prognos.Data.Samples;
using Prognos.Errors;
using Xunit;

namespace Prognos.Data.Tests.Samples;

public sealed class ConnectedCarSampleTests(GeneratedFleet fleet) : IClassFixture<GeneratedFleet>
{
    private static readonly DateTime LastDay = new(2017, 3, 19);

    [Fact]
    public void Header_names_the_scenario_columns_in_order()
    {
        var header = fleet.Csv[..fleet.Csv.IndexOf('\n', StringComparison.Ordinal)];

        Assert.Equal(
            ["Date", "Battery_ID", "Battery_Age_Days", "Number_Of_Trips", "Daily_Trip_Duration", "Daily_Cycles_Used", "Lifetime_Cycles_Used", "Battery_Rated_Cycles"],
            header.Split(','));
    }

    [Fact]
    public void Battery_ids_are_numbered_from_B0001()
    {
        var ids = fleet.Rows.Select(row => row.BatteryId).Distinct().Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(Enumerable.Range(1, 20).Select(number => $"B{number:D4}"), ids);
    }

    [Fact]
    public void Batteries_report_twice_a_day_until_2015_then_daily_until_2017_03_19()
    {
        Assert.All(fleet.Rows, row =>
        {
            Assert.Equal(0, row.Date.Minute + row.Date.Second);
            Assert.True(row.Date < ConnectedCarSample.DailyFrom ? row.Date.Hour is 0 or 12 : row.Date.Hour == 0, row.Line);
        });

        foreach (var battery in fleet.Rows.GroupBy(row => row.BatteryId))
        {
            var dates = battery.Select(row => row.Date).Distinct().Order().ToArray();
            Assert.Equal(LastDay, dates[^1]);
            Assert.InRange(dates[0], new DateTime(2011, 1, 1), new DateTime(2011, 3, 2));
            Assert.Equal(TimeSpan.FromHours(12), MostCommonStep(dates.Where(date => date < ConnectedCarSample.DailyFrom)));
            Assert.Equal(TimeSpan.FromDays(1), MostCommonStep(dates.Where(date => date >= ConnectedCarSample.DailyFrom)));
        }
    }

    [Fact]
    public void Batteries_start_on_different_days_at_different_ages()
    {
        var firstRows = fleet.Rows.GroupBy(row => row.BatteryId).Select(battery => battery.First()).ToArray();

        Assert.True(firstRows.Select(row => row.Date).Distinct().Count() > 5);
        Assert.True(firstRows.Select(row => row.AgeDays).Distinct().Count() > 5);
        Assert.All(fleet.Rows.Where(row => row.AgeDays is not null), row => Assert.InRange(row.AgeDays!.Value, 5, 3000));
    }

    [Fact]
    public void About_one_percent_of_rows_repeat_a_timestamp_some_exactly_and_some_nearly()
    {
        var repeats = fleet.Rows
            .GroupBy(row => (row.BatteryId, row.Date))
            .Where(same => same.Count() > 1)
            .Select(same => same.ToArray())
            .ToArray();

        var share = repeats.Sum(same => same.Length - 1) / (double)fleet.Rows.Count;
        Assert.InRange(share, 0.006, 0.014);
        Assert.Contains(repeats, same => same[0].Line == same[1].Line);
        Assert.Contains(repeats, same => same[0].Line != same[1].Line);
    }

    [Fact]
    public void Rows_go_missing_for_hours_and_for_days()
    {
        var steps = fleet.Rows
            .GroupBy(row => row.BatteryId)
            .SelectMany(battery => Steps(battery.Select(row => row.Date).Distinct().Order()))
            .ToArray();

        Assert.Contains(steps, step => step.From < ConnectedCarSample.DailyFrom && step.Length == TimeSpan.FromHours(24));
        Assert.Contains(steps, step => step.From < ConnectedCarSample.DailyFrom && step.Length >= TimeSpan.FromDays(3));
        Assert.Contains(steps, step => step.From >= ConnectedCarSample.DailyFrom && step.Length >= TimeSpan.FromDays(2));
        var missingShare = 1.0 - steps.Length / steps.Sum(step => step.Length / TelemetryStepAt(step.From));
        Assert.InRange(missingShare, 0.005, 0.05);
    }

    [Fact]
    public void A_few_cells_are_empty_but_never_the_date_battery_or_rated_cycles()
    {
        var empty = fleet.Rows.Sum(row => row.EmptyCells);

        Assert.InRange(empty / (double)fleet.Rows.Count, 0.0005, 0.01);
        Assert.All(fleet.Rows, row => Assert.Equal(ConnectedCarSample.RatedCycles, row.RatedCycles));
    }

    [Fact]
    public void Lifetime_cycles_never_go_down_and_track_the_daily_cycles()
    {
        foreach (var battery in fleet.Rows.GroupBy(row => row.BatteryId))
        {
            var firstPerTimestamp = battery.GroupBy(row => row.Date).Select(same => same.First()).ToArray();
            var lifetimes = firstPerTimestamp.Where(row => row.LifetimeCycles is not null).Select(row => row.LifetimeCycles!.Value).ToArray();
            Assert.All(lifetimes.Zip(lifetimes.Skip(1)), pair => Assert.True(pair.Second >= pair.First, battery.Key));

            var reported = firstPerTimestamp.Where(row => row.DailyCycles is not null).Sum(row => row.DailyCycles!.Value);
            Assert.InRange(lifetimes[^1] - lifetimes[0], 0.9 * reported, 1.1 * reported);
        }
    }

    [Fact]
    public void Weekends_have_fewer_trips_than_weekdays()
    {
        var daily = fleet.Rows.Where(row => row.Date >= ConnectedCarSample.DailyFrom && row.Trips is not null).ToArray();
        bool IsWeekend(RawBatteryRow row) => row.Date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

        var weekend = daily.Where(IsWeekend).Average(row => row.Trips!.Value);
        var weekday = daily.Where(row => !IsWeekend(row)).Average(row => row.Trips!.Value);

        Assert.True(weekend < 0.8 * weekday, $"weekend {weekend:F2} trips a day, weekday {weekday:F2}");
    }

    [Fact]
    public void Some_batteries_pass_their_rated_cycles_within_30_days_after_the_data_and_some_do_not()
    {
        var states = BatteryEndOfDataState.Of(fleet.Rows);

        Assert.DoesNotContain(states, state => state.AlreadyPastRatedCycles);
        var passing = states.Where(state => state.PassesRatedCyclesWithinHorizon).Select(state => state.BatteryId).ToArray();
        Assert.Equal(fleet.Summary.BatteriesPassingRatedCyclesWithin30Days, passing);
        Assert.Equal(8, passing.Length);
        Assert.Equal(12, fleet.Summary.BatteriesWithinRatedCycles.Count);
    }

    [Fact]
    public void Usage_wears_the_battery_so_cycles_per_driving_minute_rise()
    {
        double CyclesPerMinute(IEnumerable<RawBatteryRow> rows)
        {
            var complete = rows.Where(row => row.TripMinutes > 0 && row.DailyCycles is not null).ToArray();
            return complete.Sum(row => row.DailyCycles!.Value) / complete.Sum(row => row.TripMinutes!.Value);
        }

        foreach (var battery in fleet.Rows.GroupBy(row => row.BatteryId))
        {
            var early = CyclesPerMinute(battery.Where(row => row.Date < new DateTime(2012, 1, 1)));
            var late = CyclesPerMinute(battery.Where(row => row.Date >= new DateTime(2016, 1, 1)));
            Assert.True(late > early, $"{battery.Key}: {early:G4} then {late:G4} cycles per driving minute");
        }
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_bytes_and_another_seed_other_bytes()
    {
        var options = new ConnectedCarSampleOptions { Batteries = 3, Seed = 11, Start = new DateOnly(2014, 6, 1), Until = new DateOnly(2015, 3, 1) };

        var (first, _) = await SampleText.ConnectedCarAsync(options);
        var (second, _) = await SampleText.ConnectedCarAsync(options);
        var (other, _) = await SampleText.ConnectedCarAsync(options with { Seed = 12 });

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public async Task A_shorter_until_ends_the_data_earlier()
    {
        var options = new ConnectedCarSampleOptions { Batteries = 2, Start = new DateOnly(2014, 1, 1), Until = new DateOnly(2015, 2, 15) };

        var (csv, summary) = await SampleText.ConnectedCarAsync(options);
        var rows = RawBatteryRow.ParseAll(csv);

        Assert.Equal(new DateTime(2015, 2, 15), rows.Max(row => row.Date));
        Assert.Equal(rows.Count, summary.Rows);
    }

    [Theory]
    [InlineData(0, "2013-01-01", "2017-03-19")]
    [InlineData(5, "2017-01-01", "2017-03-19")]
    public void Options_out_of_range_are_rejected_with_a_message_that_names_the_field(int batteries, string start, string until)
    {
        var options = new ConnectedCarSampleOptions { Batteries = batteries, Start = DateOnly.Parse(start), Until = DateOnly.Parse(until) };

        var error = Assert.Throws<PrognosException>(() => new ConnectedCarSample(options));

        Assert.Equal(ErrorCode.InvalidParameterValue, error.Code);
        Assert.Matches("batteries|until", error.Message);
    }

    [Fact]
    public void Any_five_batteries_from_any_seed_hold_both_groups()
    {
        var property = Prop.ForAll(
            ArbMap.Default.ArbFor<long>(),
            seed =>
            {
                var options = new ConnectedCarSampleOptions { Batteries = 5, Seed = seed, Start = new DateOnly(2014, 1, 1), Until = new DateOnly(2015, 6, 30) };
                var (csv, summary) = SampleText.ConnectedCarAsync(options).GetAwaiter().GetResult();
                var states = BatteryEndOfDataState.Of(RawBatteryRow.ParseAll(csv));
                var passing = states.Where(state => state.PassesRatedCyclesWithinHorizon).Select(state => state.BatteryId).ToArray();
                return passing.SequenceEqual(summary.BatteriesPassingRatedCyclesWithin30Days)
                    && passing.Length == 2
                    && !states.Any(state => state.AlreadyPastRatedCycles);
            });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(25), property);
    }

    private static TimeSpan MostCommonStep(IEnumerable<DateTime> dates) =>
        Steps(dates).GroupBy(step => step.Length).OrderByDescending(same => same.Count()).First().Key;

    private static TimeSpan TelemetryStepAt(DateTime date) => date < ConnectedCarSample.DailyFrom ? TimeSpan.FromHours(12) : TimeSpan.FromDays(1);

    private static IEnumerable<(DateTime From, TimeSpan Length)> Steps(IEnumerable<DateTime> dates)
    {
        var ordered = dates.ToArray();
        return ordered.Zip(ordered.Skip(1), (from, to) => (from, to - from));
    }
}
