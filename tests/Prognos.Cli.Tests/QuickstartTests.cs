using Xunit;

namespace Prognos.Cli.Tests;

public sealed class QuickstartTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Quickstart_tracks_each_model_as_a_child_run_and_ranks_them()
    {
        var result = await _cli.JsonAsync("quickstart", "--dir", "qs", "--models", "naive,snaive,drift");

        var leaderboard = result.GetProperty("leaderboard").EnumerateArray().ToList();
        Assert.Equal(3, leaderboard.Count);
        // On AirPassengers' 1960 holdout the seasonal naive forecast beats naive and drift by far.
        Assert.Equal("snaive", result.GetProperty("best_model").GetString());
        var rmse = leaderboard.Select(r => r.GetProperty("rmse").GetDouble()).ToList();
        Assert.Equal(rmse.Order(), rmse);
        // Seasonal naive on 1960 repeats 1959: its MAE is the mean yearly growth, 47.83 passengers.
        Assert.Equal(47.83, leaderboard[0].GetProperty("mae").GetDouble(), 2);

        _cli.Environment["PROGNOS_WORKSPACE"] = Path.Combine(_cli.Folder, "qs");
        var parent = result.GetProperty("parent_run_id").GetString()!;
        var children = await _cli.JsonAsync("run", "search", "-e", "air-passengers", "-f", $"tags.`prognos.parentRunId` = '{parent}'", "--order-by", "metrics.rmse ASC");
        Assert.Equal(["snaive", "drift", "naive"], children.GetProperty("runs").EnumerateArray().Select(r => r.GetProperty("data").GetProperty("params").GetProperty("model").GetString()));
        var best = children.GetProperty("runs")[0].GetProperty("info").GetProperty("run_id").GetString()!;
        var artifacts = await _cli.JsonAsync("artifact", "list", "--run", best);
        Assert.Equal(["forecast.csv", "model", "plots"], artifacts.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("path").GetString()));
    }

    [Fact]
    public async Task Quickstart_fits_the_zoo_by_default_and_plots_the_best_forecast()
    {
        var result = await _cli.JsonAsync("quickstart", "--dir", "zoo");

        var leaderboard = result.GetProperty("leaderboard").EnumerateArray().ToList();
        var models = leaderboard.Select(r => r.GetProperty("model").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "ssm-llt", "ets", "theta", "snaive" }, models);
        Assert.Equal(Learning.Forecasting.ForecasterCatalog.Names.Contains("arima"), models.Contains("arima"));
        Assert.All(leaderboard, r => Assert.Null(r.GetProperty("error").GetString()));
        var snaive = leaderboard.Single(r => r.GetProperty("model").GetString() == "snaive").GetProperty("rmse").GetDouble();
        Assert.True(leaderboard[0].GetProperty("rmse").GetDouble() < snaive, $"best {leaderboard[0].GetProperty("model")} does not beat seasonal naive ({snaive})");
        Assert.NotEqual("snaive", result.GetProperty("best_model").GetString());

        _cli.Environment["PROGNOS_WORKSPACE"] = Path.Combine(_cli.Folder, "zoo");
        var parent = result.GetProperty("parent_run_id").GetString()!;
        var children = await _cli.JsonAsync("run", "search", "-e", "air-passengers", "-f", $"tags.`prognos.parentRunId` = '{parent}'");
        Assert.Equal(leaderboard.Count, children.GetProperty("runs").GetArrayLength());
        Assert.All(children.GetProperty("runs").EnumerateArray(), r => Assert.Equal("FINISHED", r.GetProperty("info").GetProperty("status").GetString()));

        var plot = result.GetProperty("plot").GetString()!;
        Assert.Contains(leaderboard[0].GetProperty("run_id").GetString()!, plot);
        var bytes = await File.ReadAllBytesAsync(plot);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, bytes[..8]);
        Assert.True(bytes.Length > 10_000);

        var human = await _cli.RunAsync("quickstart", "--dir", "zoo", "--models", "snaive,theta");
        Assert.Equal(0, human.ExitCode);
        Assert.Contains("Forecast plot of theta: ", human.Out);
        Assert.Contains("forecast.png", human.Out);
    }

    [Fact]
    public async Task Quickstart_reuses_its_workspace_and_rejects_unknown_models()
    {
        await _cli.JsonAsync("quickstart", "--dir", "qs", "--models", "naive");
        await _cli.JsonAsync("quickstart", "--dir", "qs", "--models", "naive");

        var bad = await _cli.RunAsync("quickstart", "--dir", "qs", "--models", "naive,prophet");

        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("prophet", bad.Err);
        Assert.Contains("snaive", bad.Err);
    }
}
