using Prognos.Data.Samples;
using Xunit;

namespace Prognos.Data.Tests.Samples;

/// <summary>
/// The committed connected-car fixtures: <c>battery-raw.csv</c> is this generator's output for <see cref="Options"/>,
/// <c>battery-daily.expected.csv</c> is <c>tools/reference/battery_prep_pandas.py</c> run on it.
/// Set PROGNOS_UPDATE_FIXTURES=1 when running the tests to rewrite the raw file in the source tree.
/// </summary>
internal static class ConnectedCarFixture
{
    public static readonly ConnectedCarSampleOptions Options = new()
    {
        Batteries = 6,
        Seed = 42,
        Start = new DateOnly(2013, 1, 1),
        Until = ConnectedCarSampleOptions.DefaultUntil,
    };

    public const string RawFileName = "battery-raw.csv";

    public const string ExpectedDailyFileName = "battery-daily.expected.csv";

    public static string InOutput(string fileName) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "connected-car", fileName);

    public static string InSourceTree(string fileName)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Prognos.slnx")))
        {
            directory = directory.Parent;
        }

        Assert.NotNull(directory);
        return Path.Combine(directory.FullName, "tests", "Prognos.Data.Tests", "Fixtures", "connected-car", fileName);
    }

    public static bool UpdateRequested => Environment.GetEnvironmentVariable("PROGNOS_UPDATE_FIXTURES") == "1";
}
