using FsCheck;
using FsCheck.Xunit;
using Prognos.Learning.Forecasting;
using Prognos.Learning.Forecasting.Evaluation;

namespace Prognos.Learning.Tests.Forecasting;

/// <summary>Invariants of frequency inference, interpolation and metrics on generated inputs.</summary>
public sealed class TimeSeriesPropertyTests
{
    private static readonly Frequency[] Frequencies =
    [
        new(FrequencyUnit.Minute, 5), new(FrequencyUnit.Minute, 30), new(FrequencyUnit.Hour), new(FrequencyUnit.Hour, 12),
        Frequency.Daily, new(FrequencyUnit.Week), Frequency.MonthlyStart, new(FrequencyUnit.MonthEnd),
        new(FrequencyUnit.Quarter), new(FrequencyUnit.Year),
    ];

    [Property(MaxTest = 200)]
    public bool Inferred_frequency_reproduces_every_timestamp(NonNegativeInt which, PositiveInt count, int dayOffset)
    {
        var frequency = Frequencies[which.Get % Frequencies.Length];
        var start = new DateTime(1990, 1, 1).AddDays(Math.Abs(dayOffset % 10000));
        start = frequency.Unit switch
        {
            FrequencyUnit.MonthStart or FrequencyUnit.Quarter or FrequencyUnit.Year => new DateTime(start.Year, start.Month, 1),
            FrequencyUnit.MonthEnd => new DateTime(start.Year, start.Month, DateTime.DaysInMonth(start.Year, start.Month)),
            _ => start,
        };
        var timestamps = Enumerable.Range(0, 2 + count.Get % 40).Select(i => frequency.Advance(start, i)).ToArray();
        var inferred = FrequencyInference.Infer(timestamps);
        return timestamps.Skip(1).Select((t, i) => inferred.Advance(timestamps[i]) == t).All(x => x);
    }

    [Property(MaxTest = 200)]
    public bool Interpolation_keeps_observed_values_and_stays_between_neighbours(NormalFloat[] raw, bool[] missing)
    {
        if (raw.Length == 0)
        {
            return true;
        }

        var values = raw.Select((v, i) => i < missing.Length && missing[i] && i != raw.Length / 2 ? double.NaN : v.Get).ToArray();
        var filled = MissingValues.Apply(values, MissingValuePolicy.Interpolate);
        var observed = values.Where(double.IsFinite).ToArray();
        return filled.All(double.IsFinite)
            && values.Select((v, i) => !double.IsFinite(v) || v == filled[i]).All(x => x)
            && filled.All(v => v >= observed.Min() - 1e-9 && v <= observed.Max() + 1e-9);
    }

    [Property(MaxTest = 200)]
    public bool Mae_never_exceeds_rmse_and_both_vanish_on_a_perfect_forecast(NormalFloat[] raw, NormalFloat shift)
    {
        if (raw.Length == 0)
        {
            return true;
        }

        var actual = raw.Select(v => v.Get).ToArray();
        var forecast = actual.Select((v, i) => v + (i % 2 == 0 ? shift.Get : -shift.Get / 2)).ToArray();
        return ForecastMetrics.Mae(actual, forecast) <= ForecastMetrics.Rmse(actual, forecast) * (1 + 1e-12) + 1e-300
            && ForecastMetrics.Mae(actual, actual) == 0
            && ForecastMetrics.Rmse(actual, actual) == 0;
    }

    [Property(MaxTest = 200)]
    public bool Smape_is_between_0_and_200(NormalFloat[] a, NormalFloat[] f)
    {
        var n = Math.Min(a.Length, f.Length);
        if (n == 0)
        {
            return true;
        }

        var smape = ForecastMetrics.Smape(a.Take(n).Select(x => x.Get).ToArray(), f.Take(n).Select(x => x.Get).ToArray());
        return smape >= 0 && smape <= 200 + 1e-9;
    }
}
