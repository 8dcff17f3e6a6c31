using Prognos.Learning.Forecasting;

namespace Prognos.Learning.Tests.Forecasting;

/// <summary>Reproducible test series built from a seed.</summary>
internal static class SyntheticSeries
{
    public static readonly DateTime Start = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static TimeSeries Of(double[] values, Frequency? frequency = null)
    {
        var f = frequency ?? Frequency.MonthlyStart;
        return new TimeSeries(Enumerable.Range(0, values.Length).Select(i => f.Advance(Start, i)).ToArray(), values, f);
    }

    /// <summary>A positive monthly series with trend, seasonality and noise; length 36 to 84.</summary>
    public static TimeSeries Monthly(int seed)
    {
        var random = new Random(seed);
        var n = 36 + random.Next(49);
        var level = 50 + random.NextDouble() * 200;
        var slope = (random.NextDouble() - 0.3) * 2;
        var amplitude = random.NextDouble() * 0.3 * level;
        var noise = 0.02 + random.NextDouble() * 0.1;
        var values = new double[n];
        for (var t = 0; t < n; t++)
        {
            var value = level + slope * t + amplitude * Math.Sin(2 * Math.PI * t / 12) + noise * level * (random.NextDouble() - 0.5);
            values[t] = Math.Max(1, value);
        }

        return Of(values);
    }

    /// <summary>A non-negative series with many zeros.</summary>
    public static TimeSeries Intermittent(int seed)
    {
        var random = new Random(seed);
        var n = 30 + random.Next(60);
        var values = new double[n];
        for (var t = 0; t < n; t++)
        {
            values[t] = random.NextDouble() < 0.3 ? 1 + random.Next(10) : 0;
        }

        values[random.Next(n)] = 5;
        return Of(values, Frequency.Daily);
    }
}
