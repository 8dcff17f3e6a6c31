namespace Prognos.Data.Samples;

/// <summary>
/// The true usage of one battery, period by period: trips follow a weekly rhythm (fewer at weekends) with the
/// occasional idle stretch (holidays, garage); driving minutes per trip vary; energy per minute rises slowly with
/// wear and is higher in winter. Cycles are "unscaled" (per driving minute) until the profile's calibration
/// multiplies them by <see cref="BatteryProfile.CyclesPerDrivingMinute"/>.
/// </summary>
internal sealed class BatteryUsage
{
    private const double IdleStartsPerDay = 1.0 / 150;
    private const double MorningShare = 0.45;

    private readonly BatteryProfile _profile;
    private readonly SeededRandom _random;
    private readonly DateTime _firstTimestamp;
    private DateTime _idleUntil = DateTime.MinValue;

    public BatteryUsage(BatteryProfile profile, long seed)
    {
        _profile = profile;
        _random = SeededRandom.For(seed, profile.Index, RandomPurpose.Usage);
        _firstTimestamp = profile.FirstDay.ToDateTime(TimeOnly.MinValue);
    }

    public PeriodUsage Next(DateTime timestamp, TimeSpan period)
    {
        if (timestamp.Hour == 0 && timestamp >= _idleUntil && _random.Chance(IdleStartsPerDay))
        {
            _idleUntil = timestamp.AddDays(_random.NextInt(3, 15));
        }

        var weekend = timestamp.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
        var share = period == TelemetrySchedule.Day ? 1.0 : timestamp.Hour == 0 ? MorningShare : 1.0 - MorningShare;
        var idle = timestamp < _idleUntil ? 0.1 : 1.0;
        var expectedTrips = _profile.WeekdayTrips * (weekend ? _profile.WeekendFactor : 1.0) * share * idle;
        var trips = _random.NextPoisson(expectedTrips);

        var minutes = 0.0;
        for (var trip = 0; trip < trips; trip++)
        {
            minutes += _profile.MinutesPerTrip * _random.NextLogNormal(0.35);
        }

        minutes = Math.Round(minutes, 1);
        var years = (timestamp - _firstTimestamp).TotalDays / 365.25;
        var wear = 1.0 + _profile.WearPerYear * years;
        var winter = 1.0 + 0.1 * Math.Cos(2.0 * Math.PI * (timestamp.DayOfYear - 15) / 365.25);
        var cycles = minutes * wear * winter * _random.NextLogNormal(0.08);
        return new PeriodUsage(trips, minutes, cycles);
    }
}
