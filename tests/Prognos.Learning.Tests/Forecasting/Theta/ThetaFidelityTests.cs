using System.Text.Json;
using Prognos.Learning.Forecasting;
using Prognos.Learning.Forecasting.Evaluation;
using Prognos.Learning.Forecasting.Theta;
using Xunit;

namespace Prognos.Learning.Tests.Forecasting.Theta;

/// <summary>Against R forecast 8.20's thetaf() on the six fixture series.</summary>
public sealed class ThetaFidelityTests
{
    private static readonly JsonElement Fixture = ReferenceFixture.Load("r_forecast.json");

    public static TheoryData<string> SeriesNames()
    {
        var data = new TheoryData<string>();
        foreach (var entry in Fixture.GetProperty("series").EnumerateObject())
        {
            data.Add(entry.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SeriesNames))]
    public void Forecasts_and_intervals_match_thetaf(string name)
    {
        var entry = Fixture.GetProperty("series").GetProperty(name);
        var reference = entry.GetProperty("theta");
        var series = ReferenceFixture.TrainingSeries(entry);
        var fitted = new ThetaForecaster().Fit(series, TestContext.Current.CancellationToken);
        var forecast = fitted.Predict(new ForecastRequest(reference.Doubles("point").Length));

        Assert.Equal(reference.GetProperty("seasonal_adjusted").GetBoolean(), fitted.Description.Contains("seasonal", StringComparison.Ordinal));
        Assert.InRange(ReferenceFixture.MaxRelativeDifference(forecast.Mean, reference.Doubles("point")), 0, 1e-4);
        Assert.InRange(ReferenceFixture.MaxRelativeDifference(forecast.Intervals[0].Lower, reference.Doubles("lower_80")), 0, 5e-4);
        Assert.InRange(ReferenceFixture.MaxRelativeDifference(forecast.Intervals[1].Upper, reference.Doubles("upper_95")), 0, 5e-4);
        Assert.Equal(reference.GetProperty("params").Number("alpha"), fitted.Parameters["alpha"], 1e-3);
    }

    [Fact]
    public void Mase_is_no_worse_than_R_on_average()
    {
        double ours = 0, theirs = 0, optimised = 0;
        var count = 0;
        foreach (var entry in Fixture.GetProperty("series").EnumerateObject())
        {
            var series = ReferenceFixture.TrainingSeries(entry.Value);
            var test = entry.Value.Doubles("test");
            var request = new ForecastRequest(test.Length);
            ours += ForecastMetrics.Mase(test, new ThetaForecaster().Fit(series, TestContext.Current.CancellationToken).Predict(request).Mean, series.Values, series.SeasonalPeriod);
            optimised += ForecastMetrics.Mase(test, new ThetaForecaster(optimised: true).Fit(series, TestContext.Current.CancellationToken).Predict(request).Mean, series.Values, series.SeasonalPeriod);
            theirs += entry.Value.GetProperty("theta").Number("mase");
            count++;
        }

        Assert.True(ours <= 1.02 * theirs, $"theta mean MASE {ours / count} vs R {theirs / count}");
        Assert.True(optimised <= 1.02 * theirs, $"optimised theta mean MASE {optimised / count} vs R thetaf {theirs / count}");
    }
}
