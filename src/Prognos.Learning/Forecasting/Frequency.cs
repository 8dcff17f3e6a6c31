namespace Prognos.Learning.Forecasting;

/// <summary>The unit a regular time series advances by.</summary>
public enum FrequencyUnit
{
    Minute,
    Hour,
    Day,
    Week,
    MonthStart,
    MonthEnd,
    Quarter,
    Year,
}

/// <summary>A regular spacing of timestamps: a unit times a multiple (e.g. 12 hours, 1 month start).</summary>
public sealed record Frequency(FrequencyUnit Unit, int Multiple = 1)
{
    public static readonly Frequency Daily = new(FrequencyUnit.Day);
    public static readonly Frequency MonthlyStart = new(FrequencyUnit.MonthStart);

    /// <summary>The usual seasonal period for this frequency (12 for monthly, 7 for daily, 1 when none).</summary>
    public int SeasonalPeriod => (Unit, Multiple) switch
    {
        (FrequencyUnit.Minute, var m) when 60 % m == 0 => 60 / m,
        (FrequencyUnit.Hour, var m) when 24 % m == 0 => 24 / m,
        (FrequencyUnit.Day, 1) => 7,
        (FrequencyUnit.Week, 1) => 52,
        (FrequencyUnit.MonthStart or FrequencyUnit.MonthEnd, 1) => 12,
        (FrequencyUnit.Quarter, 1) => 4,
        _ => 1,
    };

    /// <summary>The timestamp <paramref name="steps"/> periods after <paramref name="t"/>.</summary>
    public DateTime Advance(DateTime t, int steps = 1) => Unit switch
    {
        FrequencyUnit.Minute => t.AddMinutes((double)steps * Multiple),
        FrequencyUnit.Hour => t.AddHours((double)steps * Multiple),
        FrequencyUnit.Day => t.AddDays((double)steps * Multiple),
        FrequencyUnit.Week => t.AddDays(7.0 * steps * Multiple),
        FrequencyUnit.MonthStart => t.AddMonths(steps * Multiple),
        FrequencyUnit.MonthEnd => EndOfMonth(t.AddDays(1 - t.Day).AddMonths(steps * Multiple)),
        FrequencyUnit.Quarter => t.AddMonths(3 * steps * Multiple),
        FrequencyUnit.Year => t.AddYears(steps * Multiple),
        _ => throw new ArgumentOutOfRangeException(nameof(t)),
    };

    private static DateTime EndOfMonth(DateTime firstOfMonth) =>
        firstOfMonth.AddDays(DateTime.DaysInMonth(firstOfMonth.Year, firstOfMonth.Month) - 1);

    /// <summary>Short code as pandas writes it: <c>MS</c>, <c>D</c>, <c>12h</c>, ...</summary>
    public override string ToString()
    {
        var code = Unit switch
        {
            FrequencyUnit.Minute => "min",
            FrequencyUnit.Hour => "h",
            FrequencyUnit.Day => "D",
            FrequencyUnit.Week => "W",
            FrequencyUnit.MonthStart => "MS",
            FrequencyUnit.MonthEnd => "ME",
            FrequencyUnit.Quarter => "QS",
            FrequencyUnit.Year => "YS",
            _ => "?",
        };
        return Multiple == 1 ? code : $"{Multiple}{code}";
    }
}
