using FsCheck;
using FsCheck.Xunit;
using Prognos.Learning.Forecasting;
using Prognos.Learning.Forecasting.Arima;

namespace Prognos.Learning.Tests.Forecasting.Arima;

/// <summary>Invariants every ARIMA forecast keeps, over random series, orders, frequencies and horizons.</summary>
public sealed class ArimaPropertyTests
{
    private static readonly Frequency[] Frequencies =
    [
        Frequency.MonthlyStart, Frequency.Daily, new(FrequencyUnit.Quarter), new(FrequencyUnit.Hour, 6), new(FrequencyUnit.MonthEnd), new(FrequencyUnit.Week),
    ];

    [Property(MaxTest = 40)]
    public bool ForecastHasTheHorizonAndContinuesTheTimestamps(int seed, PositiveInt horizon)
    {
        var (series, fit) = FitRandom(seed);
        var h = 1 + (horizon.Get % 30);
        var forecast = fit.Predict(new ForecastRequest(h));
        var expected = Enumerable.Range(1, h).Select(k => series.Frequency.Advance(series.Timestamps[^1], k));
        return forecast.Horizon == h
            && forecast.Timestamps.Count == h
            && forecast.Timestamps.SequenceEqual(expected)
            && forecast.Intervals.All(i => i.Lower.Length == h && i.Upper.Length == h);
    }

    [Property(MaxTest = 40)]
    public bool IntervalsContainTheMeanAndWidenWithHorizonAndLevel(int seed)
    {
        var (_, fit) = FitRandom(seed);
        var forecast = fit.Predict(new ForecastRequest(24, [50, 80, 95, 99]));
        for (var k = 0; k < forecast.Intervals.Count; k++)
        {
            var interval = forecast.Intervals[k];
            for (var h = 0; h < forecast.Horizon; h++)
            {
                var width = interval.Upper[h] - interval.Lower[h];
                if (!(interval.Lower[h] <= forecast.Mean[h] && forecast.Mean[h] <= interval.Upper[h]))
                {
                    return false;
                }

                // An MA root fitted on the unit circle (over-differencing) leaves the final state uncertain and the
                // exact variance can dip by a hair after step one, as in R; anything beyond 0.1% is a real fault.
                if (h > 0 && width < (interval.Upper[h - 1] - interval.Lower[h - 1]) * (1 - 1e-3))
                {
                    return false;
                }

                if (k > 0 && width < (forecast.Intervals[k - 1].Upper[h] - forecast.Intervals[k - 1].Lower[h]) * (1 - 1e-12))
                {
                    return false;
                }
            }
        }

        return true;
    }

    [Property(MaxTest = 25)]
    public bool FittingIsDeterministic(int seed)
    {
        var (series, fit) = FitRandom(seed);
        var again = Forecaster(seed).Fit(series);
        var first = fit.Predict(new ForecastRequest(12));
        var second = again.Predict(new ForecastRequest(12));
        return first.Mean.SequenceEqual(second.Mean)
            && first.Intervals.Zip(second.Intervals).All(p => p.First.Lower.SequenceEqual(p.Second.Lower) && p.First.Upper.SequenceEqual(p.Second.Upper))
            && fit.Parameters.OrderBy(p => p.Key).SequenceEqual(again.Parameters.OrderBy(p => p.Key));
    }

    [Property(MaxTest = 40)]
    public bool SaveThenLoadPredictsIdenticalNumbers(int seed)
    {
        var (_, fit) = FitRandom(seed);
        using var stream = new MemoryStream();
        fit.Save(stream);
        stream.Position = 0;
        var loaded = ForecastModelFormat.Load(stream);
        var before = fit.Predict(new ForecastRequest(18, [80, 95, 99.5]));
        var after = loaded.Predict(new ForecastRequest(18, [80, 95, 99.5]));
        return loaded.Description == fit.Description
            && loaded.Name == fit.Name
            && loaded.LastTimestamp == fit.LastTimestamp
            && loaded.Frequency == fit.Frequency
            && loaded.Statistics == fit.Statistics
            && loaded.Fitted.Zip(fit.Fitted).All(p => p.First.Equals(p.Second))
            && before.Timestamps.SequenceEqual(after.Timestamps)
            && before.Mean.SequenceEqual(after.Mean)
            && before.Intervals.Zip(after.Intervals).All(p => p.First.Lower.SequenceEqual(p.Second.Lower) && p.First.Upper.SequenceEqual(p.Second.Upper));
    }

    /// <summary>A small random ARIMA spec (or auto.arima for one seed in five) and a simulated series it suits.</summary>
    private static IForecaster Forecaster(int seed)
    {
        var random = new Random(seed);
        if (random.Next(5) == 0)
        {
            return new AutoArimaForecaster { MaxP = 2, MaxQ = 2 };
        }

        var order = new ArimaOrder(random.Next(3), random.Next(2), random.Next(2));
        return new ArimaForecaster(order) { IncludeDrift = random.Next(2) == 0 };
    }

    private static (TimeSeries Series, IFittedForecaster Fit) FitRandom(int seed)
    {
        var random = new Random(seed);
        var frequency = Frequencies[random.Next(Frequencies.Length)];
        var n = 25 + random.Next(60);
        var values = SimulatedSeries.Arima(n, seed, ar: random.NextDouble() * 1.4 - 0.7, ma: random.NextDouble() - 0.5, d: random.Next(2), level: 100 * random.NextDouble());
        var series = SimulatedSeries.Series(values, frequency, new DateTime(2021, 1, 31, 0, 0, 0, DateTimeKind.Utc));
        return (series, Forecaster(seed).Fit(series));
    }
}
