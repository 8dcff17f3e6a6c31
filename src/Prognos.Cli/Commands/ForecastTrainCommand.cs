using System.CommandLine;
using System.Text.Json.Serialization;
using System.Globalization;
using System.Text;
using Prognos.Cli.Forecasting;
using Prognos.Errors;
using Prognos.Learning.Forecasting;
using Prognos.Storage.Workspaces;
using Prognos.Tracking;
using Prognos.Workspaces;

namespace Prognos.Cli.Commands;

/// <summary>
/// <c>prognos forecast train</c>: fit several forecasters to the series of a CSV, score them by rolling-origin
/// cross-validation, track a parent run with one child run per model (metrics averaged over series), and print the
/// leaderboard.
/// </summary>
internal static class ForecastTrainCommand
{
    /// <summary>How many series get plots in a multi-series run; the rest are in the CSV artifacts.</summary>
    public const int PlottedSeries = 3;

    public static Command Create(CommandRunner runner)
    {
        var file = new Option<string>("--file") { Description = "CSV file with a header row", Required = true };
        var timeColumn = new Option<string>("--time-column") { Description = "Column with the timestamps (yyyy-MM, yyyy-MM-dd or ISO-8601)", Required = true };
        var target = new Option<string>("--target") { Description = "Column to forecast", Required = true };
        var seriesId = new Option<string?>("--series-id") { Description = "Column that tells several series apart (one model per series)" };
        var horizon = new Option<int>("--horizon") { Description = "Periods to forecast", Required = true };
        var models = new Option<string>("--models") { Description = "'auto' (ets, arima when available, theta, ssm, snaive) or comma-separated names", DefaultValueFactory = _ => "auto" };
        var folds = new Option<int>("--cv-folds") { Description = "Rolling-origin cross-validation folds", DefaultValueFactory = _ => 3 };
        var step = new Option<int?>("--cv-step") { Description = "Periods between fold origins (default: the horizon)" };
        var experiment = new Option<string?>("--experiment", "-e") { Description = "Experiment name (default: the file name without extension)" };
        var levels = new Option<string>("--levels") { Description = "Prediction interval levels in percent", DefaultValueFactory = _ => "80,95" };
        var metric = new Option<string>("--metric") { Description = "Primary metric for the leaderboard: mae, rmse, nrmse, mape, smape or mase", DefaultValueFactory = _ => "rmse" };
        var command = new Command("train", "Fit forecasters to a CSV, cross-validate them, track every model as a child run and rank them")
        {
            file, timeColumn, target, seriesId, horizon, models, folds, step, experiment, levels, metric,
        };
        runner.Bind(command, async call =>
        {
            var h = Positive(call.Get(horizon), "--horizon");
            var k = Positive(call.Get(folds), "--cv-folds");
            var s = Positive(call.Get(step) ?? h, "--cv-step");
            var primary = call.Get(metric).Trim().ToLowerInvariant();
            if (!ForecastScores.MetricNames.Contains(primary))
            {
                throw PrognosException.InvalidParameter($"--metric '{call.Get(metric)}' is unknown; use one of {string.Join(", ", ForecastScores.MetricNames)}.");
            }

            var forecasters = Forecasters(call.Get(models));
            var path = Path.GetFullPath(call.Get(file), call.Context.CurrentFolder);
            var series = SeriesCsvReader.Read(path, call.Get(timeColumn), call.Get(target), call.Get(seriesId));
            RequireLongEnough(series, h, k, s);
            var request = new TrainRequest(path, call.Get(timeColumn), call.Get(target), call.Get(seriesId), h, k, s, ParseLevels(call.Get(levels)), primary,
                call.Get(experiment) ?? Path.GetFileNameWithoutExtension(path));
            var result = await TrainAsync(call, series, forecasters, request);
            call.Output.Emit(result, () => PrintLeaderboard(call, result));
            return result.Leaderboard.Any(r => r.Error is null) ? 0 : 1;
        });
        return command;
    }

    /// <summary>The default zoo, with ARIMA only where the catalog has it.</summary>
    public static IReadOnlyList<string> AutoModels() =>
        new[] { "ets", "arima", "theta", "ssm", "snaive" }.Where(n => ForecasterCatalog.Names.Contains(n, StringComparer.OrdinalIgnoreCase)).ToList();

    public static IReadOnlyList<IForecaster> Forecasters(string models)
    {
        var names = models.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (names.Length == 0)
        {
            throw PrognosException.InvalidParameter($"--models is empty; pass 'auto' or names such as ets,theta (known: {string.Join(", ", ForecasterCatalog.Names)}).");
        }

        var expanded = names.SelectMany(n => n.Equals("auto", StringComparison.OrdinalIgnoreCase) ? AutoModels() : [n]).Distinct(StringComparer.OrdinalIgnoreCase);
        return expanded.Select(name =>
        {
            try
            {
                return ForecasterCatalog.Create(name);
            }
            catch (ForecastingException ex)
            {
                throw PrognosException.InvalidParameter($"--models: {ex.Message}");
            }
        }).ToList();
    }

    public static IReadOnlyList<double> ParseLevels(string text)
    {
        var levels = new List<double>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out var level) || !(level > 0 && level < 100))
            {
                throw PrognosException.InvalidParameter($"--levels '{text}': '{part}' is not a percentage between 0 and 100; write e.g. 80,95.");
            }

            levels.Add(level);
        }

        return levels.Count > 0 ? levels.Distinct().Order().ToList() : throw PrognosException.InvalidParameter("--levels is empty; write e.g. 80,95.");
    }

    /// <summary>Cross-validation needs at least two training values before the first fold's forecast.</summary>
    private static void RequireLongEnough(IReadOnlyList<TimeSeries> series, int horizon, int folds, int step)
    {
        var needed = horizon + (folds - 1) * step + 2;
        if (series.FirstOrDefault(x => x.Length < needed) is { } shortest)
        {
            throw PrognosException.InvalidParameter(
                $"The series{(shortest.SeriesId is null ? "" : $" '{shortest.SeriesId}'")} has {shortest.Length} observations but {folds} cross-validation folds of horizon {horizon} " +
                $"with step {step} need at least {needed}; use fewer folds (--cv-folds), a smaller --cv-step or a shorter horizon.");
        }
    }

    public static int Positive(int value, string option) =>
        value >= 1 ? value : throw PrognosException.InvalidParameter($"{option} must be at least 1, got {value}.");

    private static async Task<TrainResult> TrainAsync(Invocation call, IReadOnlyList<TimeSeries> series, IReadOnlyList<IForecaster> forecasters, TrainRequest request)
    {
        var ct = call.CancellationToken;
        var multi = request.SeriesIdColumn is not null;
        var frequency = series[0].Frequency.ToString();
        call.Output.Status($"Read {series.Count} series ({frequency}, {series.Sum(x => x.Length)} rows) from {Path.GetFileName(request.File)}");
        var training = new ForecastTraining(request.Horizon, request.Folds, request.Step, request.Levels);

        await using var parent = await call.Workspace.StartRunAsync(request.Experiment, $"forecast-{call.Context.Clock.GetUtcNow():yyyyMMdd-HHmmss}", clock: call.Context.Clock, cancellationToken: ct);
        await parent.LogParamsAsync(new Dictionary<string, string>
        {
            ["file"] = Path.GetFileName(request.File),
            ["time_column"] = request.TimeColumn,
            ["target"] = request.Target,
            ["series_id"] = request.SeriesIdColumn ?? "",
            ["series_count"] = Text(series.Count),
            ["frequency"] = frequency,
            ["horizon"] = Text(request.Horizon),
            ["cv_folds"] = Text(request.Folds),
            ["cv_step"] = Text(request.Step),
            ["levels"] = string.Join(",", request.Levels.Select(l => l.ToString(CultureInfo.InvariantCulture))),
            ["metric"] = request.Metric,
            ["models"] = string.Join(",", forecasters.Select(f => f.Name)),
        }, ct);
        await parent.LogTextAsync(ForecastModelArtifacts.TrainingDataPath, ForecastModelArtifacts.TrainingCsv(series), ct);

        var rows = new List<LeaderboardRow>();
        var plots = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var m = 0; m < forecasters.Count; m++)
        {
            var forecaster = forecasters[m];
            call.Output.Status($"[{m + 1}/{forecasters.Count}] {forecaster.Name}: {request.Folds}-fold cross-validation and fit on {series.Count} series ...");
            await using var child = await parent.StartChildRunAsync(forecaster.Name, ct);
            var outcomes = training.Run(series, forecaster, ct);
            var succeeded = outcomes.Where(o => o.Succeeded).ToList();
            var seconds = outcomes.Sum(o => o.Seconds);
            var failed = outcomes.Count - succeeded.Count;
            await child.LogParamsAsync(ChildParams(forecaster, succeeded, request, multi), ct);
            if (succeeded.Count == 0)
            {
                var error = outcomes[0].Error!;
                rows.Add(LeaderboardRow.Failed(forecaster.Name, child.RunId, seconds, outcomes.Count, error));
                await child.SetTagAsync("prognos.error", error.Length > 5000 ? error[..5000] : error, ct);
                await child.EndAsync(RunStatus.Failed, ct);
                call.Output.Status($"  failed: {error}");
                continue;
            }

            var scores = ForecastScores.Average(succeeded.Select(o => o.Scores!).ToList());
            foreach (var (key, value) in scores.Pairs())
            {
                await child.LogMetricAsync(key, value, cancellationToken: ct);
            }

            await child.LogMetricAsync("fit_seconds", seconds, cancellationToken: ct);
            await child.LogMetricAsync("failed_series", failed, cancellationToken: ct);
            if (failed > 0)
            {
                await child.SetTagAsync("prognos.warning", $"{failed} of {outcomes.Count} series failed; see metrics_by_series.csv", ct);
            }

            await ForecastModelArtifacts.SaveAsync(child, outcomes, multi, ct);
            await child.LogTextAsync("forecast.csv", ForecastModelArtifacts.ForecastCsv(succeeded.Select(o => (o.Series.SeriesId, o.Forecast!)).ToList(), multi), ct);
            await child.LogTextAsync("metrics_by_series.csv", MetricsBySeries(outcomes), ct);
            plots[child.RunId] = await LogPlotsAsync(child, succeeded, multi, ct);

            var description = Description(succeeded, multi);
            rows.Add(new LeaderboardRow(forecaster.Name, description, child.RunId, "FINISHED", scores.Mae, scores.Rmse, scores.Nrmse, scores.Mape, scores.Smape, scores.Mase,
                scores.Coverage80, scores.Coverage95, seconds, failed, null));
            call.Output.Status($"  {description}: {request.Metric.ToUpperInvariant()} {Fmt(scores.Get(request.Metric))} in {seconds:F2}s" + (failed > 0 ? $" ({failed} series failed)" : ""));
        }

        var ranked = rows.Where(r => r.Error is null).OrderBy(r => double.IsNaN(r.Metric(request.Metric)) ? double.PositiveInfinity : r.Metric(request.Metric))
            .Concat(rows.Where(r => r.Error is not null)).ToList();
        var best = ranked.FirstOrDefault(r => r.Error is null);
        string? plot = null;
        if (best is not null)
        {
            await parent.SetTagAsync("best_model", best.Model, ct);
            await parent.SetTagAsync(ForecastModelArtifacts.BestRunTag, best.RunId, ct);
            await parent.LogMetricAsync($"best_{request.Metric}", best.Metric(request.Metric), cancellationToken: ct);
            plot = await LocalArtifactPathAsync(call, best.RunId, plots[best.RunId]);
        }
        else
        {
            await parent.EndAsync(RunStatus.Failed, ct);
        }

        return new TrainResult(call.Workspace.Location, request.Experiment, parent.RunId, best?.Model, best?.RunId, request.Metric, request.Horizon, series.Count, frequency, plot, ranked);
    }

    private static Dictionary<string, string> ChildParams(IForecaster forecaster, IReadOnlyList<SeriesOutcome> succeeded, TrainRequest request, bool multi)
    {
        var parameters = new Dictionary<string, string>
        {
            ["model"] = forecaster.Name,
            ["horizon"] = Text(request.Horizon),
            ["cv_folds"] = Text(request.Folds),
            ["cv_step"] = Text(request.Step),
        };
        if (succeeded.Count == 0)
        {
            return parameters;
        }

        parameters["description"] = Description(succeeded, multi);
        if (!multi)
        {
            foreach (var (key, value) in succeeded[0].Model!.Parameters.Take(90))
            {
                parameters[$"fitted.{key}"] = value.ToString("G8", CultureInfo.InvariantCulture);
            }
        }

        return parameters;
    }

    /// <summary>The chosen model; for many series the most frequent choices, e.g. <c>ETS(M,A,M) ×40; ETS(A,N,N) ×12</c>.</summary>
    private static string Description(IReadOnlyList<SeriesOutcome> succeeded, bool multi)
    {
        if (!multi)
        {
            return succeeded[0].Model!.Description;
        }

        var groups = succeeded.GroupBy(o => o.Model!.Description).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
        var text = string.Join("; ", groups.Take(3).Select(g => $"{g.Key} ×{g.Count()}"));
        return groups.Count > 3 ? $"{text}; {groups.Count - 3} more" : text;
    }

    private static string MetricsBySeries(IReadOnlyList<SeriesOutcome> outcomes)
    {
        var text = new StringBuilder("series_id,description,mae,rmse,nrmse,mape,smape,mase,coverage_80,coverage_95,fit_seconds,error\n");
        foreach (var o in outcomes)
        {
            text.Append(ForecastModelArtifacts.Quote(o.Series.SeriesId ?? "")).Append(',').Append(ForecastModelArtifacts.Quote(o.Model?.Description ?? ""));
            foreach (var (_, value) in o.Scores?.Pairs() ?? Enumerable.Repeat(("", double.NaN), 8))
            {
                text.Append(CultureInfo.InvariantCulture, $",{value:R}");
            }

            text.Append(CultureInfo.InvariantCulture, $",{o.Seconds:F3},{ForecastModelArtifacts.Quote(o.Error ?? "")}\n");
        }

        return text.ToString();
    }

    /// <summary>Logs forecast and residual PNGs (the first few series when many) and returns the first forecast plot's artifact path.</summary>
    private static async Task<string> LogPlotsAsync(ActiveRun child, IReadOnlyList<SeriesOutcome> succeeded, bool multi, CancellationToken ct)
    {
        string? first = null;
        foreach (var outcome in succeeded.Take(multi ? PlottedSeries : 1))
        {
            var folder = multi ? $"plots/{Safe(outcome.Series.SeriesId ?? "")}" : "plots";
            var name = multi ? $"{outcome.Series.SeriesId} — {outcome.Model!.Description}" : outcome.Model!.Description;
            await LogPngAsync(child, $"{folder}/forecast.png", ForecastPlots.Forecast(outcome.Series, outcome.Forecast!, name), ct);
            await LogPngAsync(child, $"{folder}/residuals.png", ForecastPlots.Residuals(outcome.Series, outcome.Model, $"Residuals: {name}"), ct);
            first ??= $"{folder}/forecast.png";
        }

        return first!;
    }

    public static async Task LogPngAsync(ActiveRun run, string path, byte[] png, CancellationToken ct)
    {
        using var stream = new MemoryStream(png);
        await run.LogArtifactAsync(path, stream, ct);
    }

    /// <summary>The file behind an artifact for a local workspace (people open it); the artifact path otherwise.</summary>
    public static async Task<string> LocalArtifactPathAsync(Invocation call, string runId, string artifactPath)
    {
        if (call.Workspace is LocalWorkspace local)
        {
            var run = await call.Workspace.GetRunAsync(runId, call.CancellationToken);
            return Path.Combine(local.ArtifactFolder, run.Info.ArtifactUri, artifactPath);
        }

        return artifactPath;
    }

    private static string Safe(string id)
    {
        var safe = new string(id.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_').ToArray()).Trim('.');
        return safe.Length == 0 ? "series" : safe;
    }

    private static void PrintLeaderboard(Invocation call, TrainResult result)
    {
        call.Output.Table(
            ["RANK", "MODEL", "CHOSEN", "MAE", "RMSE", "NRMSE", "MAPE %", "sMAPE %", "MASE", "COV 80", "COV 95", "FIT s", "RUN ID"],
            result.Leaderboard.Select((row, i) => (IReadOnlyList<string>)
            [
                row.Error is null ? Text(i + 1) : "-", row.Model, row.Description ?? row.Error ?? "",
                Fmt(row.Mae), Fmt(row.Rmse), Fmt(row.Nrmse, "F3"), Fmt(row.Mape), Fmt(row.Smape), Fmt(row.Mase), Fmt(row.Coverage80), Fmt(row.Coverage95), Fmt(row.FitSeconds), row.RunId[..8],
            ]),
            $"{result.SeriesCount} series ({result.Frequency}), horizon {result.Horizon}, rolling-origin CV — ranked by {result.Metric.ToUpperInvariant()}");
        call.Output.Line($"Parent run: {result.ParentRunId}  (experiment {result.Experiment})");
        if (result.BestRunId is not null)
        {
            call.Output.Line($"Best: {result.BestModel} (run {result.BestRunId})");
            call.Output.Line($"Forecast plot: {result.Plot}");
            call.Output.Line($"Next: prognos forecast predict --run {result.ParentRunId} --horizon {result.Horizon}");
        }
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Fmt(double value, string format = "F2") => double.IsNaN(value) ? "-" : value.ToString(format, CultureInfo.InvariantCulture);

    private sealed record TrainRequest(string File, string TimeColumn, string Target, string? SeriesIdColumn, int Horizon, int Folds, int Step, IReadOnlyList<double> Levels, string Metric, string Experiment);

    internal sealed record LeaderboardRow(
        string Model, string? Description, string RunId, string Status, double Mae, double Rmse, double Nrmse, double Mape, double Smape, double Mase,
        [property: JsonPropertyName("coverage_80")] double Coverage80, [property: JsonPropertyName("coverage_95")] double Coverage95, double FitSeconds, int FailedSeries, string? Error)
    {
        public static LeaderboardRow Failed(string model, string runId, double seconds, int failedSeries, string error) =>
            new(model, null, runId, "FAILED", double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, seconds, failedSeries, error);

        public double Metric(string name) => name switch
        {
            "mae" => Mae,
            "rmse" => Rmse,
            "nrmse" => Nrmse,
            "mape" => Mape,
            "smape" => Smape,
            _ => Mase,
        };
    }

    internal sealed record TrainResult(
        string Workspace, string Experiment, string ParentRunId, string? BestModel, string? BestRunId, string Metric, int Horizon, int SeriesCount, string Frequency,
        string? Plot, IReadOnlyList<LeaderboardRow> Leaderboard);
}
