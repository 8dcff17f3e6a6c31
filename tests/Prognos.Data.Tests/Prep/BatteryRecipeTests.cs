using System.Globalization;
using Prognos.Data.Prep;
using Xunit;
using static Prognos.Data.Tests.Prep.PrepFolder;

namespace Prognos.Data.Tests.Prep;

/// <summary>
/// examples/connected-car/battery-prep.yaml against the pandas reference (tools/reference/battery_prep_pandas.py) on
/// the committed seed-42 fixture. Rows and dates must match exactly; numbers within 1e-9 absolute plus 1e-12
/// relative (sums of the same values in another order differ in the last bits, and the lifetime accumulates them).
/// </summary>
public sealed class BatteryRecipeTests : IDisposable
{
    private readonly PrepFolder _f = new();

    public void Dispose() => _f.Dispose();

    internal static string RepositoryRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "Prognos.slnx"))) return d.FullName;
        }
        throw new InvalidOperationException("Prognos.slnx not found above the test assembly.");
    }

    private static string Fixture(string name) => Path.Combine(RepositoryRoot(), "tests", "Prognos.Data.Tests", "Fixtures", "connected-car", name);

    [Theory]
    [InlineData("battery-raw.csv", "battery-daily.expected.csv")]
    [InlineData("battery-edge-raw.csv", "battery-edge-daily.expected.csv")]
    public async Task BatteryRecipeMatchesThePandasReference(string raw, string expectedCsv)
    {
        if (!File.Exists(Fixture(raw))) Assert.Skip($"fixture {raw} is not in this checkout (tools/reference/README.md says how to make it)");
        Directory.CreateDirectory(_f.PathOf("data"));
        File.Copy(Fixture(raw), _f.PathOf("data/battery-raw.csv"));
        var recipe = await RecipeParser.LoadAsync(Path.Combine(RepositoryRoot(), "examples", "connected-car", "battery-prep.yaml"), TestContext.Current.CancellationToken);
        var sunk = new List<string>();
        var context = _f.Context with
        {
            DatasetSink = (output, parquet, _) =>
            {
                sunk.Add(output.Target);
                File.Copy(parquet, _f.PathOf("sunk.parquet"));
                return Task.CompletedTask;
            },
        };

        var result = await RecipeRunner.RunAsync(recipe, context, null, TestContext.Current.CancellationToken);

        var expected = File.ReadAllLines(Fixture(expectedCsv));
        var actual = await _f.ReadAsync("out/battery-daily.parquet");
        Assert.Equal(expected[0].Split(','), actual[0].Keys);
        Assert.Equal(expected.Length - 1, actual.Count);
        var worst = 0.0;
        for (var i = 0; i < actual.Count; i++)
        {
            var cells = expected[i + 1].Split(',');
            var row = actual[i].Values.ToArray();
            Assert.Equal($"{cells[0]} {cells[1]}", $"{S(row[0])} {S(row[1])}");
            for (var c = 2; c < cells.Length; c++)
            {
                var want = cells[c] == "" ? (double?)null : double.Parse(cells[c], CultureInfo.InvariantCulture);
                var got = D(row[c]);
                Assert.True(want.HasValue == got.HasValue, $"row {i + 2} column {expected[0].Split(',')[c]}: expected {cells[c]}, got {S(row[c])}");
                if (want is null) continue;
                var diff = Math.Abs(want.Value - got!.Value);
                worst = Math.Max(worst, diff);
                Assert.True(diff <= 1e-9 + 1e-12 * Math.Abs(want.Value), $"row {i + 2} column {expected[0].Split(',')[c]}: expected {want}, got {got}");
            }
        }
        Assert.InRange(worst, 0, 1e-9);
        Assert.Equal(["battery-daily"], sunk);
        Assert.Equal(actual.Count, (await _f.ReadAsync("sunk.parquet")).Count);
        Assert.Equal(expected.Length, File.ReadAllLines(_f.PathOf("out/battery-daily.csv")).Length);
        Assert.Equal(["dedupe", "split", "regularize", "interpolate", "resample", "regularize", "interpolate", "concat", "expanding", "cast", "select"],
            result.Steps.Select(s => s.Kind));
        Assert.True(result.Steps[0].RowsOut < result.Steps[0].RowsIn, "both fixtures have duplicates");
    }
}
