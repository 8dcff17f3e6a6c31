namespace Prognos.Learning.Forecasting;

/// <summary>Infers the regular <see cref="Frequency"/> of a list of timestamps, as pandas' <c>infer_freq</c> does.</summary>
public static class FrequencyInference
{
    private static readonly int[] MinuteMultiples = [1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30];
    private static readonly int[] HourMultiples = [1, 2, 3, 4, 6, 8, 12];

    /// <summary>
    /// The frequency every consecutive pair of <paramref name="timestamps"/> follows; throws
    /// <see cref="ForecastingException"/> naming the first irregular gap when there is none.
    /// </summary>
    public static Frequency Infer(IReadOnlyList<DateTime> timestamps)
    {
        ArgumentNullException.ThrowIfNull(timestamps);
        if (timestamps.Count < 2)
        {
            throw new ForecastingException(
                $"Cannot infer a frequency from {timestamps.Count} timestamp(s); provide at least two, or pass the frequency explicitly.");
        }

        SeriesValidation.RequireStrictlyIncreasing(timestamps);
        foreach (var candidate in Candidates(timestamps[0], timestamps[1]))
        {
            if (Fits(candidate, timestamps, out _))
            {
                return candidate;
            }
        }

        // Report the gap that breaks the spacing set by the first two timestamps.
        var first = Candidates(timestamps[0], timestamps[1]).FirstOrDefault();
        if (first is not null && !Fits(first, timestamps, out var breakAt))
        {
            throw new ForecastingException(
                $"The timestamps are irregular: {first} spacing from the start, but {timestamps[breakAt - 1]:O} is followed by {timestamps[breakAt]:O} " +
                $"(expected {first.Advance(timestamps[breakAt - 1]):O}); regularise the series (resample or fill the gap) first.");
        }

        throw new ForecastingException(
            $"The timestamps are irregular: the first gap ({timestamps[1] - timestamps[0]}) between {timestamps[0]:O} and {timestamps[1]:O} is no supported frequency; " +
            "resample to minutes, hours, days, weeks, months, quarters or years.");
    }

    private static bool Fits(Frequency frequency, IReadOnlyList<DateTime> timestamps, out int breakAt)
    {
        for (var i = 1; i < timestamps.Count; i++)
        {
            if (frequency.Advance(timestamps[i - 1]) != timestamps[i])
            {
                breakAt = i;
                return false;
            }
        }

        breakAt = -1;
        return true;
    }

    private static IEnumerable<Frequency> Candidates(DateTime a, DateTime b)
    {
        var gap = b - a;
        if (gap < TimeSpan.FromHours(1) && gap.Ticks % TimeSpan.TicksPerMinute == 0)
        {
            var minutes = (int)gap.TotalMinutes;
            if (Array.IndexOf(MinuteMultiples, minutes) >= 0)
            {
                yield return new Frequency(FrequencyUnit.Minute, minutes);
            }
        }
        else if (gap < TimeSpan.FromDays(1) && gap.Ticks % TimeSpan.TicksPerHour == 0)
        {
            var hours = (int)gap.TotalHours;
            if (Array.IndexOf(HourMultiples, hours) >= 0)
            {
                yield return new Frequency(FrequencyUnit.Hour, hours);
            }
        }
        else if (gap == TimeSpan.FromDays(1))
        {
            yield return Frequency.Daily;
        }
        else if (gap == TimeSpan.FromDays(7))
        {
            yield return new Frequency(FrequencyUnit.Week);
        }
        else if (gap >= TimeSpan.FromDays(28) && gap <= TimeSpan.FromDays(31))
        {
            if (a.Day == 1 && b.Day == 1)
            {
                yield return Frequency.MonthlyStart;
            }

            if (a.Day == DateTime.DaysInMonth(a.Year, a.Month))
            {
                yield return new Frequency(FrequencyUnit.MonthEnd);
            }

            // Neither start nor end of month, e.g. the 15th of every month.
            yield return Frequency.MonthlyStart;
        }
        else if (gap >= TimeSpan.FromDays(89) && gap <= TimeSpan.FromDays(92))
        {
            yield return new Frequency(FrequencyUnit.Quarter);
        }
        else if (gap >= TimeSpan.FromDays(365) && gap <= TimeSpan.FromDays(366))
        {
            yield return new Frequency(FrequencyUnit.Year);
        }
    }
}
