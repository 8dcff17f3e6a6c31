using Prognos.Learning.Forecasting;
using Xunit;

namespace Prognos.Learning.Tests.Forecasting;

public sealed class FrequencyInferenceTests
{
    private static DateTime[] Steps(DateTime start, Func<DateTime, int, DateTime> next, int count = 6) =>
        Enumerable.Range(0, count).Select(i => next(start, i)).ToArray();

    public static TheoryData<string, string> Cases => new()
    {
        { "minute", "min" },
        { "15min", "15min" },
        { "hour", "h" },
        { "12h", "12h" },
        { "day", "D" },
        { "week", "W" },
        { "monthstart", "MS" },
        { "monthend", "ME" },
        { "quarter", "QS" },
        { "year", "YS" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Infers_regular_spacings(string kind, string expected)
    {
        var start = new DateTime(2023, 1, 31, 0, 0, 0, DateTimeKind.Utc);
        var startOfMonth = new DateTime(2023, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var timestamps = kind switch
        {
            "minute" => Steps(start, (s, i) => s.AddMinutes(i)),
            "15min" => Steps(start, (s, i) => s.AddMinutes(15 * i)),
            "hour" => Steps(start, (s, i) => s.AddHours(i)),
            "12h" => Steps(start, (s, i) => s.AddHours(12 * i)),
            "day" => Steps(start, (s, i) => s.AddDays(i)),
            "week" => Steps(start, (s, i) => s.AddDays(7 * i)),
            "monthstart" => Steps(startOfMonth, (s, i) => s.AddMonths(i)),
            "monthend" => Steps(startOfMonth, (s, i) => s.AddMonths(i + 1).AddDays(-1)),
            "quarter" => Steps(startOfMonth, (s, i) => s.AddMonths(3 * i)),
            _ => Steps(startOfMonth, (s, i) => s.AddYears(i)),
        };

        Assert.Equal(expected, FrequencyInference.Infer(timestamps).ToString());
    }

    [Fact]
    public void Month_end_continues_on_month_ends()
    {
        var frequency = new Frequency(FrequencyUnit.MonthEnd);
        Assert.Equal(new DateTime(2024, 2, 29), frequency.Advance(new DateTime(2024, 1, 31)));
        Assert.Equal(new DateTime(2024, 4, 30), frequency.Advance(new DateTime(2024, 1, 31), 3));
    }

    [Fact]
    public void Irregular_gap_is_named()
    {
        var timestamps = new[] { new DateTime(2024, 1, 1), new DateTime(2024, 1, 2), new DateTime(2024, 1, 3), new DateTime(2024, 1, 5) };
        var error = Assert.Throws<ForecastingException>(() => FrequencyInference.Infer(timestamps));
        Assert.Contains("2024-01-03", error.Message);
        Assert.Contains("2024-01-05", error.Message);
        Assert.Contains("regularise", error.Message);
    }

    [Fact]
    public void Duplicate_timestamps_are_rejected_with_a_fix()
    {
        var timestamps = new[] { new DateTime(2024, 1, 1), new DateTime(2024, 1, 1), new DateTime(2024, 1, 2) };
        var error = Assert.Throws<ForecastingException>(() => FrequencyInference.Infer(timestamps));
        Assert.Contains("Duplicate", error.Message);
        Assert.Contains("drop duplicates", error.Message);
    }

    [Fact]
    public void Needs_two_timestamps()
    {
        var error = Assert.Throws<ForecastingException>(() => FrequencyInference.Infer([new DateTime(2024, 1, 1)]));
        Assert.Contains("at least two", error.Message);
    }
}
