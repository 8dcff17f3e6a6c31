using System.Text;

namespace Prognos.Data.Samples;

/// <summary>
/// Writes realistic raw battery telemetry for the connected-car scenario as CSV: twice a day (00:00 and 12:00)
/// until the end of 2014, daily from 2015-01-01, with duplicates, gaps and a few empty cells. Rows are streamed
/// in time order (then by battery) and never held in memory, so millions of rows cost a few kilobytes per battery.
/// </summary>
/// <remarks>
/// <para>Each battery joins the fleet on its own day (up to 60 days after the start) at its own age (5–120 days
/// since manufacture), has its own trip rate with fewer trips at weekends, idle stretches of 3–14 days, driving
/// minutes per trip, winter surcharge and wear (energy per driving minute rising 3–10% a year). A twice-daily row
/// reports its 12 hours (the 00:00 row the morning, the 12:00 row the afternoon and evening), a daily row its day.
/// <c>Lifetime_Cycles_Used</c> is the car's own counter: it starts at a few factory-test cycles, counts through
/// missing rows and now and then lags one report behind.</para>
/// <para>Both sides of the alert exist: in every block of five consecutive batteries two, chosen by the seed, are
/// calibrated so that their lifetime at the last day plus 4–20 days at their last-30-day mean daily rate equals
/// <see cref="RatedCycles"/>; the other three need 60–900 more days. With five or more batteries some therefore
/// pass their rated cycles within 30 days after the data ends and some do not; the summary names which.</para>
/// <para>Randomness comes from our own xoshiro256** generator seeded through SplitMix64, one stream per battery
/// and purpose (profile, usage, glitches), so a seed does not depend on System.Random's implementation, and glitches never
/// change a battery's true usage.</para>
/// </remarks>
public sealed class ConnectedCarSample
{
    /// <summary>The exact header, in column order.</summary>
    public const string Header =
        "Date,Battery_ID,Battery_Age_Days,Number_Of_Trips,Daily_Trip_Duration,Daily_Cycles_Used,Lifetime_Cycles_Used,Battery_Rated_Cycles";

    /// <summary>Every battery's rated (warranted) number of full charge cycles.</summary>
    public const int RatedCycles = 200;

    /// <summary>From this instant on batteries report once a day at 00:00; before it, at 00:00 and 12:00.</summary>
    public static readonly DateTime DailyFrom = new(2015, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);

    private const int FlushAtCharacters = 1 << 16;

    private readonly ConnectedCarSampleOptions _options;

    public ConnectedCarSample(ConnectedCarSampleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
    }

    /// <summary>Writes the header and all rows to <paramref name="writer"/>, with <c>\n</c> line ends.</summary>
    public async Task<ConnectedCarSampleSummary> WriteAsync(TextWriter writer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var reporters = Enumerable.Range(0, _options.Batteries)
            .Select(index => BatteryProfile.Draw(_options.Seed, index, _options.Start, _options.Until))
            .Select(profile => BatteryCalibration.Calibrate(profile, _options.Seed, _options.Until, RatedCycles))
            .Select(profile => new BatteryReporter(profile, _options.Seed, _options.Until, RatedCycles))
            .ToArray();

        var buffer = new StringBuilder(FlushAtCharacters + 1024);
        buffer.Append(Header).Append('\n');
        long rows = 0;
        var earliest = reporters.Min(reporter => reporter.Profile.FirstDay);
        foreach (var timestamp in TelemetrySchedule.Timestamps(earliest, _options.Until))
        {
            foreach (var reporter in reporters)
            {
                if (reporter.FirstTimestamp <= timestamp)
                {
                    rows += reporter.Report(timestamp, buffer);
                }
            }

            if (buffer.Length >= FlushAtCharacters)
            {
                await writer.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
                buffer.Clear();
            }
        }

        await writer.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        return new ConnectedCarSampleSummary(
            rows,
            reporters.Where(reporter => reporter.Profile.PassesRatedCyclesWithin30Days).Select(reporter => reporter.Profile.Id).ToArray(),
            reporters.Where(reporter => !reporter.Profile.PassesRatedCyclesWithin30Days).Select(reporter => reporter.Profile.Id).ToArray());
    }
}
