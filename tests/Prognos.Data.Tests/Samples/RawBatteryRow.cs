using System.Globalization;
using Xunit;

namespace Prognos.Data.Tests.Samples;

/// <summary>One parsed row of raw battery telemetry; an empty cell is null.</summary>
internal sealed record RawBatteryRow(
    DateTime Date,
    string BatteryId,
    double? AgeDays,
    double? Trips,
    double? TripMinutes,
    double? DailyCycles,
    double? LifetimeCycles,
    double? RatedCycles,
    string Line)
{
    public static IReadOnlyList<RawBatteryRow> ParseAll(string csv)
    {
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return lines.Skip(1).Select(Parse).ToArray();
    }

    public static RawBatteryRow Parse(string line)
    {
        var cells = line.Split(',');
        Assert.Equal(8, cells.Length);
        return new RawBatteryRow(
            DateTime.ParseExact(cells[0], "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            cells[1],
            Number(cells[2]),
            Number(cells[3]),
            Number(cells[4]),
            Number(cells[5]),
            Number(cells[6]),
            Number(cells[7]),
            line);
    }

    public int EmptyCells => new[] { AgeDays, Trips, TripMinutes, DailyCycles, LifetimeCycles, RatedCycles }.Count(cell => cell is null);

    private static double? Number(string cell) => cell.Length == 0 ? null : double.Parse(cell, CultureInfo.InvariantCulture);
}
