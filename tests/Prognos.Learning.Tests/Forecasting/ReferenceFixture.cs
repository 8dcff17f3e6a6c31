using System.Text.Json;
using Prognos.Learning.Forecasting;

namespace Prognos.Learning.Tests.Forecasting;

/// <summary>Reads the reference fixtures produced by tools/reference (R forecast, statsmodels).</summary>
internal static class ReferenceFixture
{
    public static JsonElement Load(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "forecasting", name);
        return JsonDocument.Parse(File.ReadAllText(path)).RootElement;
    }

    public static double[] Doubles(this JsonElement element, string property) =>
        element.GetProperty(property).EnumerateArray().Select(x => x.GetDouble()).ToArray();

    public static double Number(this JsonElement element, string property) => element.GetProperty(property).GetDouble();

    /// <summary>The training part of a fixture series as a monthly or quarterly time series.</summary>
    public static TimeSeries TrainingSeries(JsonElement series)
    {
        var values = series.Doubles("train");
        var m = series.GetProperty("frequency").GetInt32();
        var frequency = m == 12 ? Frequency.MonthlyStart : new Frequency(FrequencyUnit.Quarter);
        var start = new DateTime(series.GetProperty("start_year").GetInt32(), 1, 1, 0, 0, 0, DateTimeKind.Utc)
            .AddMonths((series.GetProperty("start_period").GetInt32() - 1) * (12 / m));
        return new TimeSeries(Enumerable.Range(0, values.Length).Select(i => frequency.Advance(start, i)).ToArray(), values, frequency);
    }

    public static double MaxRelativeDifference(double[] actual, double[] expected) =>
        expected.Select((e, i) => Math.Abs(actual[i] - e) / Math.Max(1e-12, Math.Abs(e))).Max();
}
