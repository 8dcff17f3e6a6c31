using System.Globalization;
using System.Text;
using System.Text.Json;
using Xunit;

namespace Prognos.Cli.Tests;

/// <summary><c>forecast train|predict|evaluate</c> on AirPassengers and on a small generated panel, in JSON and human form, with bad inputs.</summary>
public sealed class ForecastCommandTests : IDisposable
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private readonly CliHarness _cli = new();

    public ForecastCommandTests()
    {
        _cli.Environment["PROGNOS_WORKSPACE"] = Path.Combine(_cli.Folder, "ws");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", "AirPassengers.csv"), Path.Combine(_cli.Folder, "air.csv"));
    }

    public void Dispose() => _cli.Dispose();

    private Task InitAsync() => _cli.JsonAsync("init", "ws");

    private static readonly string[] Air = ["--file", "air.csv", "--time-column", "Month", "--target", "#Passengers"];

    private Task<JsonElement> TrainAirAsync(params string[] extra) => _cli.JsonAsync(["forecast", "train", .. Air, "--horizon", "12", .. extra]);

    [Fact]
    public async Task Train_tracks_one_child_per_model_ranks_them_by_cross_validated_rmse_and_saves_models_and_plots()
    {
        await InitAsync();
        var result = await TrainAirAsync("--models", "ets,theta,snaive");

        Assert.Equal("air", result.GetProperty("experiment").GetString());
        Assert.Equal("MS", result.GetProperty("frequency").GetString());
        Assert.Equal(1, result.GetProperty("series_count").GetInt32());
        var board = result.GetProperty("leaderboard").EnumerateArray().ToList();
        Assert.Equal(["ets", "snaive", "theta"], board.Select(r => r.GetProperty("model").GetString()).Order(StringComparer.Ordinal));
        var rmse = board.Select(r => r.GetProperty("rmse").GetDouble()).ToList();
        Assert.Equal(rmse.Order(), rmse);
        // Auto ETS picks a multiplicative-seasonal model and beats the seasonal naive baseline on 3 rolling 12-month folds.
        var ets = board.Single(r => r.GetProperty("model").GetString() == "ets");
        var snaive = board.Single(r => r.GetProperty("model").GetString() == "snaive");
        Assert.True(ets.GetProperty("rmse").GetDouble() < snaive.GetProperty("rmse").GetDouble());
        Assert.Contains(",M)", ets.GetProperty("description").GetString());
        foreach (var row in board)
        {
            Assert.Equal("FINISHED", row.GetProperty("status").GetString());
            Assert.InRange(row.GetProperty("coverage_95").GetDouble(), 0, 1);
            Assert.True(row.GetProperty("nrmse").GetDouble() < 1);
            Assert.True(row.GetProperty("mase").GetDouble() > 0);
        }

        var parent = await _cli.JsonAsync("run", "show", result.GetProperty("parent_run_id").GetString()!);
        var bestRunId = result.GetProperty("best_run_id").GetString()!;
        Assert.Equal(bestRunId, parent.GetProperty("data").GetProperty("tags").GetProperty("best_run_id").GetString());
        Assert.Equal(board[0].GetProperty("run_id").GetString(), bestRunId);
        Assert.Equal("12", parent.GetProperty("data").GetProperty("params").GetProperty("horizon").GetString());

        var children = await _cli.JsonAsync("run", "search", "-e", "air", "-f", $"tags.`prognos.parentRunId` = '{parent.GetProperty("info").GetProperty("run_id").GetString()}'");
        Assert.Equal(3, children.GetProperty("runs").GetArrayLength());
        Assert.All(children.GetProperty("runs").EnumerateArray(), r => Assert.Equal("FINISHED", r.GetProperty("info").GetProperty("status").GetString()));
        var etsRun = await _cli.JsonAsync("run", "show", ets.GetProperty("run_id").GetString()!);
        var parameters = etsRun.GetProperty("data").GetProperty("params");
        Assert.Equal("ets", parameters.GetProperty("model").GetString());
        Assert.Equal(ets.GetProperty("description").GetString(), parameters.GetProperty("description").GetString());
        Assert.Contains(parameters.EnumerateObject(), p => p.Name == "fitted.alpha");
        var metrics = etsRun.GetProperty("data").GetProperty("metrics").EnumerateArray().Select(m => m.GetProperty("key").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "mae", "rmse", "nrmse", "mape", "smape", "mase", "coverage_80", "coverage_95", "fit_seconds" }, metrics);

        var files = await _cli.JsonAsync("artifact", "download", "--run", bestRunId, "--out", "best");
        var downloaded = files.GetProperty("files").EnumerateArray().Select(f => f.GetString()!).ToList();
        Assert.Contains(downloaded, f => f.EndsWith("model/model.json", StringComparison.Ordinal));
        foreach (var png in new[] { "plots/forecast.png", "plots/residuals.png" })
        {
            var bytes = await File.ReadAllBytesAsync(Path.Combine(_cli.Folder, "best", png));
            Assert.True(bytes.Length > 10_000, $"{png} is only {bytes.Length} bytes");
            Assert.Equal(PngSignature, bytes[..8]);
        }

        Assert.True(File.Exists(result.GetProperty("plot").GetString()));
        var forecastCsv = await File.ReadAllLinesAsync(Path.Combine(_cli.Folder, "best", "forecast.csv"));
        Assert.Equal("timestamp,mean,lower_80,upper_80,lower_95,upper_95", forecastCsv[0]);
        Assert.Equal(13, forecastCsv.Length);
        Assert.StartsWith("1961-01-01,", forecastCsv[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Train_prints_progress_and_a_leaderboard_for_people_and_ranks_by_the_chosen_metric()
    {
        await InitAsync();
        var human = await _cli.RunAsync(["forecast", "train", .. Air, "--horizon", "6", "--models", "snaive,naive", "--metric", "mase", "--experiment", "air-human"]);

        Assert.Equal(0, human.ExitCode);
        Assert.Contains("[1/2] snaive", human.Out);
        Assert.Contains("[2/2] naive", human.Out);
        Assert.Contains("ranked by MASE", human.Out);
        Assert.Contains("Seasonal naive (lag 12)", human.Out);
        Assert.Contains("Forecast plot: ", human.Out);
        Assert.Contains("forecast predict --run", human.Out);
        // Seasonal naive beats naive on this strongly seasonal series, so it ranks first.
        Assert.True(human.Out.IndexOf("│ 1    │ snaive", StringComparison.Ordinal) >= 0, human.Out);
    }

    [Fact]
    public async Task Auto_fits_the_zoo_and_every_model_finishes()
    {
        await InitAsync();
        var result = await TrainAirAsync("--models", "auto", "--cv-folds", "2");

        var models = result.GetProperty("leaderboard").EnumerateArray().Select(r => r.GetProperty("model").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "ets", "theta", "ssm-llt", "snaive" }, models);
        Assert.All(result.GetProperty("leaderboard").EnumerateArray(), r => Assert.Equal("FINISHED", r.GetProperty("status").GetString()));
        Assert.NotEqual("snaive", result.GetProperty("best_model").GetString());
    }

    [Fact]
    public async Task Predict_uses_the_best_child_of_a_parent_and_writes_csv_or_json()
    {
        await InitAsync();
        var trained = await TrainAirAsync("--models", "snaive,ets");
        var parent = trained.GetProperty("parent_run_id").GetString()!;

        var json = await _cli.JsonAsync("forecast", "predict", "--run", parent, "--horizon", "24");
        Assert.Equal(trained.GetProperty("best_run_id").GetString(), json.GetProperty("run_id").GetString());
        var forecast = json.GetProperty("forecasts")[0];
        var timestamps = forecast.GetProperty("timestamps").EnumerateArray().Select(t => t.GetString()).ToList();
        Assert.Equal(24, timestamps.Count);
        Assert.Equal("1961-01-01", timestamps[0]);
        Assert.Equal("1962-12-01", timestamps[^1]);
        var mean = forecast.GetProperty("mean").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        var intervals = forecast.GetProperty("intervals").EnumerateArray().ToList();
        Assert.Equal([80.0, 95.0], intervals.Select(i => i.GetProperty("level").GetDouble()));
        for (var h = 0; h < 24; h++)
        {
            var lo80 = intervals[0].GetProperty("lower")[h].GetDouble();
            var lo95 = intervals[1].GetProperty("lower")[h].GetDouble();
            var hi80 = intervals[0].GetProperty("upper")[h].GetDouble();
            var hi95 = intervals[1].GetProperty("upper")[h].GetDouble();
            Assert.True(lo95 <= lo80 && lo80 <= mean[h] && mean[h] <= hi80 && hi80 <= hi95, $"step {h}: {lo95} {lo80} {mean[h]} {hi80} {hi95}");
        }

        var range = await _cli.RunAsync("forecast", "predict", "--run", parent, "--from", "1961-03", "--to", "1961-05-01", "--levels", "90", "--out", "range.csv");
        Assert.Equal(0, range.ExitCode);
        Assert.Contains("Wrote 3 forecast rows", range.Out);
        var lines = await File.ReadAllLinesAsync(Path.Combine(_cli.Folder, "range.csv"));
        Assert.Equal(["timestamp,mean,lower_90,upper_90"], lines[..1]);
        Assert.Equal(["1961-03-01", "1961-04-01", "1961-05-01"], lines[1..].Select(l => l.Split(',')[0]));
        // The same model predicts the same values whichever way the range is asked for.
        Assert.Equal(mean[2], double.Parse(lines[1].Split(',')[1], CultureInfo.InvariantCulture), 9);

        var printed = await _cli.RunAsync("forecast", "predict", "--run", parent);
        Assert.Equal(0, printed.ExitCode);
        Assert.Equal(13, printed.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task Evaluate_scores_a_saved_model_on_the_actuals_after_its_training_end()
    {
        await InitAsync();
        var lines = await File.ReadAllLinesAsync(Path.Combine(_cli.Folder, "air.csv"));
        await File.WriteAllLinesAsync(Path.Combine(_cli.Folder, "train.csv"), lines[..133]);
        var trained = await _cli.JsonAsync("forecast", "train", "--file", "train.csv", "--time-column", "Month", "--target", "#Passengers", "--horizon", "12", "--models", "snaive");

        var scored = await _cli.JsonAsync(["forecast", "evaluate", "--run", trained.GetProperty("best_run_id").GetString()!, .. Air]);

        Assert.Equal(12, scored.GetProperty("points").GetInt32());
        // Seasonal naive on 1960 repeats 1959: MAE is the mean yearly growth, 47.83 passengers; MAPE 9.99%.
        Assert.Equal(47.83, scored.GetProperty("mae").GetDouble(), 2);
        Assert.Equal(9.99, scored.GetProperty("mape").GetDouble(), 2);
        Assert.Equal(1.57, scored.GetProperty("mase").GetDouble(), 2);
        Assert.Equal("1960-01-01", scored.GetProperty("series")[0].GetProperty("from").GetString());

        var human = await _cli.RunAsync(["forecast", "evaluate", "--run", trained.GetProperty("parent_run_id").GetString()!, .. Air]);
        Assert.Equal(0, human.ExitCode);
        Assert.Contains("on 12 new points", human.Out);
        Assert.Contains("47.83", human.Out);

        var stale = await _cli.RunAsync("forecast", "evaluate", "--run", trained.GetProperty("best_run_id").GetString()!, "--file", "train.csv", "--time-column", "Month", "--target", "#Passengers");
        Assert.Equal(1, stale.ExitCode);
        Assert.Contains("no rows after the training end (1959-12-01)", stale.Err);
    }

    [Fact]
    public async Task Several_series_get_one_child_per_model_with_a_model_per_series()
    {
        await InitAsync();
        await File.WriteAllTextAsync(Path.Combine(_cli.Folder, "stores.csv"), Panel(["north", "south", "east"], days: 70));

        var trained = await _cli.JsonAsync("forecast", "train", "--file", "stores.csv", "--time-column", "date", "--target", "sales", "--series-id", "store",
            "--horizon", "7", "--models", "snaive,naive", "--experiment", "stores");

        Assert.Equal(3, trained.GetProperty("series_count").GetInt32());
        Assert.Equal("D", trained.GetProperty("frequency").GetString());
        Assert.Equal("snaive", trained.GetProperty("best_model").GetString());
        Assert.Equal(2, trained.GetProperty("leaderboard").GetArrayLength());
        var best = trained.GetProperty("best_run_id").GetString()!;
        var models = await _cli.JsonAsync("artifact", "list", "--run", best, "model/series");
        Assert.Equal(3, models.GetProperty("files").GetArrayLength());
        await _cli.JsonAsync("artifact", "download", "--run", best, "--out", "panel");
        var bySeries = await File.ReadAllLinesAsync(Path.Combine(_cli.Folder, "panel", "metrics_by_series.csv"));
        Assert.Equal(["north", "south", "east"], bySeries[1..].Select(l => l.Split(',')[0]));
        Assert.True(File.Exists(Path.Combine(_cli.Folder, "panel", "plots", "north", "forecast.png")));

        var predicted = await _cli.JsonAsync("forecast", "predict", "--run", best, "--horizon", "3");
        Assert.Equal(["north", "south", "east"], predicted.GetProperty("forecasts").EnumerateArray().Select(f => f.GetProperty("series_id").GetString()));
        Assert.All(predicted.GetProperty("forecasts").EnumerateArray(), f => Assert.Equal(3, f.GetProperty("mean").GetArrayLength()));

        await File.WriteAllTextAsync(Path.Combine(_cli.Folder, "later.csv"), Panel(["north", "south"], days: 77));
        var noId = await _cli.RunAsync("forecast", "evaluate", "--run", best, "--file", "later.csv", "--time-column", "date", "--target", "sales");
        Assert.Equal(1, noId.ExitCode);
        Assert.Contains("--series-id", noId.Err);
        var scored = await _cli.JsonAsync("forecast", "evaluate", "--run", best, "--file", "later.csv", "--time-column", "date", "--target", "sales", "--series-id", "store");
        Assert.Equal(2, scored.GetProperty("series_count").GetInt32());
        Assert.Equal(14, scored.GetProperty("points").GetInt32());
        // The generated series are an exact weekly pattern plus a step per week, so a seasonal naive forecast is off by exactly that step.
        Assert.Equal(3.0, scored.GetProperty("mae").GetDouble(), 9);
    }

    [Theory]
    [InlineData("--time-column", "Date", "'Date' is not a column of air.csv; its columns are: Month, #Passengers")]
    [InlineData("--target", "Passengers", "--target 'Passengers' is not a column of air.csv")]
    public async Task A_missing_column_is_named_with_the_columns_there_are(string option, string value, string message)
    {
        await InitAsync();
        var args = new List<string>(["forecast", "train", .. Air, "--horizon", "12", "--models", "snaive"]);
        args[args.IndexOf(option) + 1] = value;

        var result = await _cli.RunAsync([.. args]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(message, result.Err);
        Assert.Contains("INVALID_PARAMETER_VALUE", result.Err);
    }

    [Fact]
    public async Task Bad_files_and_options_fail_with_exit_1_and_say_where()
    {
        await InitAsync();
        var lines = (await File.ReadAllLinesAsync(Path.Combine(_cli.Folder, "air.csv"))).ToList();

        var badDate = lines.ToList();
        badDate[5] = "1949-13,121";
        await File.WriteAllLinesAsync(Path.Combine(_cli.Folder, "bad-date.csv"), badDate);
        var date = await _cli.RunAsync("forecast", "train", "--file", "bad-date.csv", "--time-column", "Month", "--target", "#Passengers", "--horizon", "12");
        Assert.Equal(1, date.ExitCode);
        Assert.Contains("row 5 (line 6)", date.Err);
        Assert.Contains("'1949-13'", date.Err);

        var badValue = lines.ToList();
        badValue[7] = "1949-07,lots";
        await File.WriteAllLinesAsync(Path.Combine(_cli.Folder, "bad-value.csv"), badValue);
        var value = await _cli.RunAsync("forecast", "train", "--file", "bad-value.csv", "--time-column", "Month", "--target", "#Passengers", "--horizon", "12", "--json");
        Assert.Equal(1, value.ExitCode);
        Assert.Equal("INVALID_PARAMETER_VALUE", value.Json.GetProperty("error_code").GetString());
        Assert.Contains("row 7", value.Json.GetProperty("message").GetString());

        var duplicate = lines.ToList();
        duplicate.Insert(10, duplicate[9]);
        await File.WriteAllLinesAsync(Path.Combine(_cli.Folder, "dup.csv"), duplicate);
        var dup = await _cli.RunAsync("forecast", "train", "--file", "dup.csv", "--time-column", "Month", "--target", "#Passengers", "--horizon", "12");
        Assert.Equal(1, dup.ExitCode);
        Assert.Contains("duplicate timestamp 1949-09-01 at rows 9 and 10", dup.Err);

        var gap = lines.ToList();
        gap.RemoveAt(20);
        await File.WriteAllLinesAsync(Path.Combine(_cli.Folder, "gap.csv"), gap);
        var irregular = await _cli.RunAsync("forecast", "train", "--file", "gap.csv", "--time-column", "Month", "--target", "#Passengers", "--horizon", "12");
        Assert.Equal(1, irregular.ExitCode);
        Assert.Contains("irregular", irregular.Err);

        foreach (var horizon in new[] { "0", "-3" })
        {
            var bad = await _cli.RunAsync(["forecast", "train", .. Air, "--horizon", horizon]);
            Assert.Equal(1, bad.ExitCode);
            Assert.Contains("--horizon must be at least 1", bad.Err);
        }

        var unknown = await _cli.RunAsync(["forecast", "train", .. Air, "--horizon", "12", "--models", "ets,prophet"]);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("'prophet'", unknown.Err);
        Assert.Contains("snaive", unknown.Err);
        Assert.Contains("theta", unknown.Err);

        var metric = await _cli.RunAsync(["forecast", "train", .. Air, "--horizon", "12", "--metric", "r2"]);
        Assert.Equal(1, metric.ExitCode);
        Assert.Contains("mase", metric.Err);

        var tooLong = await _cli.RunAsync(["forecast", "train", .. Air, "--horizon", "60", "--models", "snaive", "--cv-folds", "3"]);
        Assert.Equal(1, tooLong.ExitCode);
        Assert.Contains("has 144 observations but 3 cross-validation folds of horizon 60", tooLong.Err);

        var missing = await _cli.RunAsync("forecast", "train", "--file", "nope.csv", "--time-column", "Month", "--target", "#Passengers", "--horizon", "12");
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("nope.csv", missing.Err);
    }

    [Fact]
    public async Task Predict_refuses_runs_without_a_model_and_bad_ranges()
    {
        await InitAsync();
        var plain = (await _cli.JsonAsync("run", "create", "-e", "other")).GetProperty("info").GetProperty("run_id").GetString()!;
        var none = await _cli.RunAsync("forecast", "predict", "--run", plain, "--horizon", "3", "--json");
        Assert.Equal(1, none.ExitCode);
        Assert.Equal("RESOURCE_DOES_NOT_EXIST", none.Json.GetProperty("error_code").GetString());

        var trained = await TrainAirAsync("--models", "snaive");
        var run = trained.GetProperty("best_run_id").GetString()!;
        var past = await _cli.RunAsync("forecast", "predict", "--run", run, "--to", "1960-06");
        Assert.Equal(1, past.ExitCode);
        Assert.Contains("not after the end of the training data (1960-12-01)", past.Err);

        var zero = await _cli.RunAsync("forecast", "predict", "--run", run, "--horizon", "0");
        Assert.Equal(1, zero.ExitCode);

        var both = await _cli.RunAsync("forecast", "predict", "--run", run, "--horizon", "3", "--to", "1961-06");
        Assert.Equal(1, both.ExitCode);

        var level = await _cli.RunAsync("forecast", "predict", "--run", run, "--levels", "120");
        Assert.Equal(1, level.ExitCode);
        Assert.Contains("--levels", level.Err);
    }

    /// <summary>
    /// Daily sales per store from 2024-01-01: a weekly pattern plus 3 per week, so seasonal naive is off by exactly 3.
    /// </summary>
    private static string Panel(IReadOnlyList<string> stores, int days)
    {
        int[] week = [10, 12, 15, 11, 20, 30, 25];
        var text = new StringBuilder("store,date,sales\n");
        foreach (var (store, i) in stores.Select((s, i) => (s, i)))
        {
            for (var d = 0; d < days; d++)
            {
                var sales = 100 * (i + 1) + week[d % 7] + 3 * (d / 7);
                text.Append(CultureInfo.InvariantCulture, $"{store},{new DateTime(2024, 1, 1).AddDays(d):yyyy-MM-dd},{sales}\n");
            }
        }

        return text.ToString();
    }
}
