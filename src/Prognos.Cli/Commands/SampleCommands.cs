using System.CommandLine;
using System.Globalization;
using System.Text;
using Prognos.Data.Samples;
using Prognos.Errors;

namespace Prognos.Cli.Commands;

internal static class SampleCommands
{
    public static Command Create(CommandRunner runner)
    {
        var command = new Command("sample", "Generate realistic sample data for the scenarios");
        var batteries = new Option<int>("--batteries") { Description = "How many batteries (cars)", DefaultValueFactory = _ => 10 };
        var seed = new Option<long>("--seed") { Description = "Random seed (same seed, same bytes)", DefaultValueFactory = _ => 42 };
        var output = new Option<string>("--out", "-o") { Description = "Folder to write into", DefaultValueFactory = _ => "sample-data" };
        var until = new Option<string?>("--until") { Description = "Last day of telemetry (default 2017-03-19)" };
        var notes = new Option<int>("--notes") { Description = "How many technician notes for the compliance scenario", DefaultValueFactory = _ => 1000 };
        var connectedCar = new Command("connected-car", "Raw battery telemetry (battery-raw.csv) and technicians' compliance notes (compliance-notes.csv)")
        {
            batteries, seed, output, until, notes,
        };
        runner.BindWithoutWorkspace(connectedCar, async call =>
        {
            var folder = Path.GetFullPath(call.Get(output), call.Context.CurrentFolder);
            var result = await WriteConnectedCarAsync(folder, call.Get(batteries), call.Get(seed), ParseDate(call.Get(until)), call.Get(notes), call.CancellationToken);
            call.Output.Emit(result, () =>
            {
                call.Output.Line($"Wrote {result.Rows:N0} telemetry rows for {call.Get(batteries)} batteries to {result.TelemetryFile}");
                call.Output.Line($"Wrote {result.Notes:N0} compliance notes to {result.NotesFile}");
                call.Output.Line($"Batteries that will pass their rated 200 cycles within 30 days: {string.Join(", ", result.BatteriesPassingWithin30Days)}");
            });
            return 0;
        });
        command.Subcommands.Add(connectedCar);
        return command;
    }

    public static async Task<ConnectedCarSampleView> WriteConnectedCarAsync(string folder, int batteries, long seed, DateOnly? until, int notes, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var telemetryFile = Path.Combine(folder, "battery-raw.csv");
        var notesFile = Path.Combine(folder, "compliance-notes.csv");
        var options = new ConnectedCarSampleOptions { Batteries = batteries, Seed = seed };
        if (until is { } last)
        {
            options = options with { Until = last };
        }

        ConnectedCarSampleSummary summary;
        await using (var writer = new StreamWriter(telemetryFile, false, new UTF8Encoding(false), 1 << 16))
        {
            summary = await new ConnectedCarSample(options).WriteAsync(writer, cancellationToken);
        }

        await using (var writer = new StreamWriter(notesFile, false, new UTF8Encoding(false)))
        {
            await new ComplianceNotesSample(new ComplianceNotesSampleOptions { Notes = notes, Seed = seed }).WriteAsync(writer, cancellationToken);
        }

        return new ConnectedCarSampleView(telemetryFile, summary.Rows, notesFile, notes, summary.BatteriesPassingRatedCyclesWithin30Days, summary.BatteriesWithinRatedCycles);
    }

    private static DateOnly? ParseDate(string? text)
    {
        if (text is null)
        {
            return null;
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw PrognosException.InvalidParameter($"--until '{text}' is not a date; write it as YYYY-MM-DD, e.g. 2016-06-30.");
    }

    internal sealed record ConnectedCarSampleView(string TelemetryFile, long Rows, string NotesFile, int Notes, IReadOnlyList<string> BatteriesPassingWithin30Days, IReadOnlyList<string> BatteriesWithinRatedCycles);
}
