using System.Globalization;
using System.Text;

namespace Prognos.Data.Samples;

/// <summary>
/// Turns one battery's true usage into the raw rows a fleet backend would store, with the usual blemishes:
/// missing rows (gaps of 12 hours to a few days), re-sent rows (exact or near duplicates, about 1%), a few empty
/// cells and a lifetime counter that now and then lags one report behind. The first and last row of each cadence
/// (twice-daily, daily) are always present and complete, so every gap is an interior one.
/// </summary>
internal sealed class BatteryReporter
{
    private const double GapStartChance = 1.0 / 200;
    private const double DuplicateChance = 0.01;
    private const double EmptyCellChance = 0.003;
    private const double StaleLifetimeChance = 0.005;

    private readonly BatteryProfile _profile;
    private readonly BatteryUsage _usage;
    private readonly SeededRandom _glitches;
    private readonly HashSet<DateTime> _edges;
    private readonly int _ratedCycles;
    private double _lifetime;
    private double _lastReportedLifetime;
    private int _gapPeriodsLeft;

    public BatteryReporter(BatteryProfile profile, long seed, DateOnly until, int ratedCycles)
    {
        _profile = profile;
        _usage = new BatteryUsage(profile, seed);
        _glitches = SeededRandom.For(seed, profile.Index, RandomPurpose.Glitches);
        _ratedCycles = ratedCycles;
        _lifetime = profile.InitialLifetimeCycles;
        _lastReportedLifetime = _lifetime;
        var first = profile.FirstDay.ToDateTime(TimeOnly.MinValue);
        var last = until.ToDateTime(TimeOnly.MinValue);
        _edges = [first, last];
        var dailyFrom = ConnectedCarSample.DailyFrom;
        if (dailyFrom > first && dailyFrom <= last)
        {
            _edges.Add(dailyFrom - TelemetrySchedule.HalfDay);
            _edges.Add(dailyFrom);
        }
    }

    public BatteryProfile Profile => _profile;

    public DateTime FirstTimestamp => _profile.FirstDay.ToDateTime(TimeOnly.MinValue);

    /// <summary>Advances the battery by one period and appends 0, 1 or 2 rows; returns how many.</summary>
    public int Report(DateTime timestamp, StringBuilder output)
    {
        var period = TelemetrySchedule.PeriodAfter(timestamp);
        var usage = _usage.Next(timestamp, period);
        var cycles = usage.UnscaledCycles * _profile.CyclesPerDrivingMinute;
        _lifetime += cycles;

        var edge = _edges.Contains(timestamp);
        if (edge)
        {
            _gapPeriodsLeft = 0;
        }
        else if (_gapPeriodsLeft > 0)
        {
            _gapPeriodsLeft--;
            return 0;
        }
        else if (_glitches.Chance(GapStartChance))
        {
            var longest = period == TelemetrySchedule.Day ? 4 : 8;
            _gapPeriodsLeft = _glitches.NextInt(1, longest + 1) - 1;
            return 0;
        }

        var reportedLifetime = !edge && _glitches.Chance(StaleLifetimeChance) ? _lastReportedLifetime : _lifetime;
        _lastReportedLifetime = reportedLifetime;
        var emptyColumn = !edge && _glitches.Chance(EmptyCellChance) ? _glitches.NextInt(0, 5) : -1;
        var row = new RawRow(timestamp, AgeInDays(timestamp), usage.Trips, usage.DrivingMinutes, cycles, reportedLifetime);
        Append(output, row, emptyColumn);

        if (!_glitches.Chance(DuplicateChance))
        {
            return 1;
        }

        if (_glitches.Chance(0.5))
        {
            var minutes = usage.DrivingMinutes > 0 ? Math.Max(0, usage.DrivingMinutes + _glitches.NextDouble(-1.5, 1.5)) : 0;
            row = row with { Minutes = minutes, Cycles = Math.Max(0, cycles * (1 + 0.02 * _glitches.NextGaussian())) };
        }

        Append(output, row, emptyColumn: -1);
        return 2;
    }

    private int AgeInDays(DateTime timestamp) => DateOnly.FromDateTime(timestamp).DayNumber - _profile.ManufacturedOn.DayNumber;

    private void Append(StringBuilder output, RawRow row, int emptyColumn)
    {
        var invariant = CultureInfo.InvariantCulture;
        output.Append(invariant, $"{row.Timestamp:yyyy-MM-dd HH:mm:ss},{_profile.Id},");
        if (emptyColumn != 0)
        {
            output.Append(invariant, $"{row.AgeDays}");
        }

        output.Append(',');
        if (emptyColumn != 1)
        {
            output.Append(invariant, $"{row.Trips}");
        }

        output.Append(',');
        if (emptyColumn != 2)
        {
            output.Append(invariant, $"{row.Minutes:F1}");
        }

        output.Append(',');
        if (emptyColumn != 3)
        {
            output.Append(invariant, $"{row.Cycles:F4}");
        }

        output.Append(',');
        if (emptyColumn != 4)
        {
            output.Append(invariant, $"{row.Lifetime:F4}");
        }

        output.Append(invariant, $",{_ratedCycles}\n");
    }

    private readonly record struct RawRow(DateTime Timestamp, int AgeDays, int Trips, double Minutes, double Cycles, double Lifetime);
}
