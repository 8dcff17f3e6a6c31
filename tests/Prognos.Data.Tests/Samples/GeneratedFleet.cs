using Prognos.Data.Samples;
using Xunit;

namespace Prognos.Data.Tests.Samples;

/// <summary>One mid-sized generated fleet shared by the tests of a class (about 75,000 rows).</summary>
public sealed class GeneratedFleet : IAsyncLifetime
{
    internal static readonly ConnectedCarSampleOptions Options = new() { Batteries = 20, Seed = 7, Start = new DateOnly(2011, 1, 1) };

    internal string Csv { get; private set; } = "";

    internal ConnectedCarSampleSummary Summary { get; private set; } = new(0, [], []);

    internal IReadOnlyList<RawBatteryRow> Rows { get; private set; } = [];

    public async ValueTask InitializeAsync()
    {
        (Csv, Summary) = await SampleText.ConnectedCarAsync(Options);
        Rows = RawBatteryRow.ParseAll(Csv);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
