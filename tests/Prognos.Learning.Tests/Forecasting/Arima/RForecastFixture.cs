using System.Text.Json;
using Prognos.Learning.Forecasting;

namespace Prognos.Learning.Tests.Forecasting.Arima;

/// <summary>Reads Fixtures/forecasting/r_forecast.json (written by tools/reference/forecast_r.R) from the test project folder.</summary>
internal static class RForecastFixture
{
    public static readonly string[] SeriesNames = ["AirPassengers", "co2", "nottem", "USAccDeaths", "UKgas", "ldeaths"];

    private static readonly Lazy<JsonDocument> Document = new(() => JsonDocument.Parse(File.ReadAllText(Locate("Fixtures/forecasting/r_forecast.json"))));

    public static JsonElement Root => Document.Value.RootElement;

    public static JsonElement Series(string name) => Root.GetProperty("series").GetProperty(name);

    public static JsonElement FixedArima(string key) => Root.GetProperty("arima_fixed").GetProperty(key);

    public static TimeSeries Training(string name, Func<double, double>? transform = null)
    {
        var series = Series(name);
        var frequency = series.GetProperty("frequency").GetInt32();
        var values = Numbers(series.GetProperty("train"));
        if (transform is not null)
        {
            values = [.. values.Select(transform)];
        }

        var start = new DateTime(series.GetProperty("start_year").GetInt32(), 1, 1, 0, 0, 0, DateTimeKind.Utc)
            .AddMonths((series.GetProperty("start_period").GetInt32() - 1) * (12 / frequency));
        var unit = frequency == 4 ? new Frequency(FrequencyUnit.Quarter) : Frequency.MonthlyStart;
        var timestamps = Enumerable.Range(0, values.Length).Select(i => unit.Advance(start, i)).ToArray();
        return new TimeSeries(timestamps, values, unit);
    }

    public static double[] Test(string name) => Numbers(Series(name).GetProperty("test"));

    public static double[] Numbers(JsonElement array) =>
        [.. array.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.Null ? double.NaN : e.GetDouble())];

    /// <summary>MASE as the fixture computes it: test MAE over the in-sample seasonal-naive MAE.</summary>
    public static double Mase(double[] actual, double[] forecast, double[] training, int period)
    {
        var scale = 0.0;
        for (var t = period; t < training.Length; t++)
        {
            scale += Math.Abs(training[t] - training[t - period]);
        }

        scale /= training.Length - period;
        return actual.Zip(forecast, (a, f) => Math.Abs(a - f)).Average() / scale;
    }

    private static string Locate(string relative)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }

            candidate = Path.Combine(directory.FullName, "tests", "Prognos.Learning.Tests", relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"Fixture {relative} not found above {AppContext.BaseDirectory}.");
    }
}
