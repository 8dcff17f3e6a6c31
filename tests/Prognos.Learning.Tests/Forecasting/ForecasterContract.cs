using Prognos.Learning.Forecasting;
using Xunit;

namespace Prognos.Learning.Tests.Forecasting;

/// <summary>What every forecaster promises, checked on one series and horizon.</summary>
internal static class ForecasterContract
{
    public static void Check(IForecaster forecaster, TimeSeries series, int horizon, bool intervalsWiden = true)
    {
        var request = new ForecastRequest(horizon);
        var fitted = forecaster.Fit(series);
        var forecast = fitted.Predict(request);

        Assert.Equal(horizon, forecast.Horizon);
        Assert.Equal(horizon, forecast.Timestamps.Count);
        for (var h = 0; h < horizon; h++)
        {
            Assert.Equal(series.Frequency.Advance(series.Timestamps[^1], h + 1), forecast.Timestamps[h]);
            Assert.True(double.IsFinite(forecast.Mean[h]), $"mean at step {h + 1} is {forecast.Mean[h]}");
        }

        Assert.Equal(series.Length, fitted.Fitted.Length);
        Assert.Equal([80.0, 95.0], forecast.Intervals.Select(i => i.Level));
        foreach (var interval in forecast.Intervals)
        {
            for (var h = 0; h < horizon; h++)
            {
                Assert.True(interval.Lower[h] <= forecast.Mean[h] + 1e-9 && forecast.Mean[h] <= interval.Upper[h] + 1e-9,
                    $"{interval.Level}% interval [{interval.Lower[h]}, {interval.Upper[h]}] misses the mean {forecast.Mean[h]} at step {h + 1}");
                if (intervalsWiden && h > 0)
                {
                    var width = interval.Upper[h] - interval.Lower[h];
                    var previous = interval.Upper[h - 1] - interval.Lower[h - 1];
                    Assert.True(width >= previous - 1e-9 * (1 + Math.Abs(previous)), $"{interval.Level}% interval narrows at step {h + 1}: {previous} -> {width}");
                }
            }
        }

        var inner = forecast.Intervals[0];
        var outer = forecast.Intervals[1];
        for (var h = 0; h < horizon; h++)
        {
            Assert.True(outer.Lower[h] <= inner.Lower[h] + 1e-9 && outer.Upper[h] >= inner.Upper[h] - 1e-9, "the 95% interval contains the 80% one");
        }

        // Deterministic: fitting again gives the same numbers.
        var again = forecaster.Fit(series).Predict(request);
        Assert.Equal(forecast.Mean, again.Mean);
        Assert.Equal(forecast.Intervals[1].Upper, again.Intervals[1].Upper);

        // Save -> load -> predict gives identical numbers.
        using var buffer = new MemoryStream();
        fitted.Save(buffer);
        buffer.Position = 0;
        var loaded = ForecastModelFormat.Load(buffer);
        var reloaded = loaded.Predict(request);
        Assert.Equal(fitted.Description, loaded.Description);
        Assert.Equal(fitted.Name, loaded.Name);
        Assert.Equal(fitted.LastTimestamp, loaded.LastTimestamp);
        Assert.Equal(forecast.Timestamps, reloaded.Timestamps);
        Assert.Equal(forecast.Mean, reloaded.Mean);
        for (var i = 0; i < forecast.Intervals.Count; i++)
        {
            Assert.Equal(forecast.Intervals[i].Lower, reloaded.Intervals[i].Lower);
            Assert.Equal(forecast.Intervals[i].Upper, reloaded.Intervals[i].Upper);
        }

        Assert.Equal(fitted.Fitted, loaded.Fitted);
        Assert.Equal(fitted.Statistics.LogLikelihood, loaded.Statistics.LogLikelihood);
    }
}
