using System.Text;

namespace Prognos.Data.Samples;

/// <summary>
/// Writes realistic raw battery telemetry for the connected-car scenario as CSV: twice a day (00:00 and 12:00)
/// until the end of 2014, daily from 2015-01-01, with duplicates, gaps and a few empty cells. Rows are streamed
/// in time order (then by battery) and never held in memory, so millions of rows cost a few kilobytes per battery.
/// </summary>
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
