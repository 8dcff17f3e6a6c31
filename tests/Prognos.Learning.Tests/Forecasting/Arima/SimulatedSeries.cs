using Prognos.Learning.Forecasting;

namespace Prognos.Learning.Tests.Forecasting.Arima;

/// <summary>Seeded ARIMA simulations for tests whose answers are known by construction.</summary>
internal static class SimulatedSeries
{
    public static double[] Normal(int n, int seed, double sd = 1)
    {
        var random = new Random(seed);
        var values = new double[n];
        for (var i = 0; i < n; i++)
        {
            // Box–Muller
            var u1 = 1.0 - random.NextDouble();
            var u2 = random.NextDouble();
            values[i] = sd * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
        }

        return values;
    }

    /// <summary>ARMA(1,1) with a burn-in, integrated d times, plus a level.</summary>
    public static double[] Arima(int n, int seed, double ar, double ma, int d, double level = 10)
    {
        const int burnIn = 100;
        var e = Normal(n + burnIn, seed);
        var x = new double[n + burnIn];
        for (var t = 1; t < x.Length; t++)
        {
            x[t] = (ar * x[t - 1]) + e[t] + (ma * e[t - 1]);
        }

        var values = x.Skip(burnIn).ToArray();
        for (var k = 0; k < d; k++)
        {
            for (var t = 1; t < values.Length; t++)
            {
                values[t] += values[t - 1];
            }
        }

        return [.. values.Select(v => v + level)];
    }

    public static TimeSeries Series(double[] values, Frequency frequency, DateTime? start = null, IReadOnlyDictionary<string, double[]>? exogenous = null)
    {
        var first = start ?? new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var timestamps = Enumerable.Range(0, values.Length).Select(i => frequency.Advance(first, i)).ToArray();
        return new TimeSeries(timestamps, values, frequency, Exogenous: exogenous);
    }
}
