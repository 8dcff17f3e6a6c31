using System.Globalization;
using Xunit;

namespace Prognos.Data.Tests.Samples;

public sealed class ConnectedCarFixtureTests
{
    [Fact]
    public async Task Seed_42_reproduces_the_committed_raw_fixture_byte_for_byte()
    {
        var (csv, _) = await SampleText.ConnectedCarAsync(ConnectedCarFixture.Options);
        if (ConnectedCarFixture.UpdateRequested)
        {
            var target = ConnectedCarFixture.InSourceTree(ConnectedCarFixture.RawFileName);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            await File.WriteAllTextAsync(target, csv, TestContext.Current.CancellationToken);
        }

        var committed = await File.ReadAllTextAsync(ConnectedCarFixture.InOutput(ConnectedCarFixture.RawFileName), TestContext.Current.CancellationToken);
        Assert.True(ConnectedCarFixture.UpdateRequested || csv == committed, "the generator no longer reproduces battery-raw.csv; regenerate both fixtures on purpose (see ConnectedCarFixture)");
    }

    [Fact]
    public async Task The_raw_fixture_holds_both_cadences_and_both_groups()
    {
        var rows = RawBatteryRow.ParseAll(await File.ReadAllTextAsync(ConnectedCarFixture.InOutput(ConnectedCarFixture.RawFileName), TestContext.Current.CancellationToken));

        Assert.Contains(rows, row => row.Date.Hour == 12);
        Assert.Contains(rows, row => row.Date >= new DateTime(2015, 1, 1));
        var states = BatteryEndOfDataState.Of(rows);
        Assert.Contains(states, state => state.PassesRatedCyclesWithinHorizon);
        Assert.Contains(states, state => !state.PassesRatedCyclesWithinHorizon);
    }

    [Fact]
    public async Task The_expected_daily_fixture_has_one_row_per_battery_day_and_recomputed_lifetime_cycles()
    {
        var lines = (await File.ReadAllLinesAsync(ConnectedCarFixture.InOutput(ConnectedCarFixture.ExpectedDailyFileName), TestContext.Current.CancellationToken));

        Assert.Equal("Date,Battery_ID,Battery_Age_Days,Number_Of_Trips,Daily_Trip_Duration,Daily_Cycles_Used,Lifetime_Cycles_Used,Battery_Rated_Cycles", lines[0]);
        var rows = lines.Skip(1).Select(line => line.Split(',')).ToArray();
        Assert.Equal(rows.Length, rows.Select(cells => (cells[1], cells[0])).Distinct().Count());
        foreach (var battery in rows.GroupBy(cells => cells[1]))
        {
            var lifetime = 0.0;
            foreach (var cells in battery)
            {
                lifetime += double.Parse(cells[5], CultureInfo.InvariantCulture);
                Assert.Equal(lifetime, double.Parse(cells[6], CultureInfo.InvariantCulture), 1e-9);
            }
        }
    }
}
