using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Prognos.Cli.Forecasting;
using Prognos.Errors;
using Prognos.Learning.Forecasting;
using Prognos.Learning.Forecasting.Evaluation;
using Prognos.Storage.Workspaces;
using Prognos.Tracking;
using Prognos.Workspaces;

namespace Prognos.Cli.Commands;

/// <summary>
/// The project's main job: make a workspace, forecast the bundled AirPassengers series with several models on
/// a 12-month holdout, track every model as a child run, and print the leaderboard.
/// </summary>
internal static class QuickstartCommand
{
    /// <summary>The zoo: local linear trend state space, auto ETS, auto ARIMA (when registered), Theta and the seasonal naive baseline.</summary>
    public static string DefaultModels => string.Join(",", new[] { "ssm", "ets", "arima", "theta", "snaive" }.Where(n => ForecasterCatalog.Names.Contains(n, StringComparer.OrdinalIgnoreCase)));
    private const int Holdout = 12;
    private const string PlotPath = "plots/forecast.png";

    public static Command Create(CommandRunner runner)
    {
        var folder = new Option<string>("--dir") { Description = "Workspace folder to create or reuse", DefaultValueFactory = _ => "prognos-quickstart" };
        var models = new Option<string>("--models") { Description = $"Comma-separated forecasters (known: {string.Join(", ", ForecasterCatalog.Names)})", DefaultValueFactory = _ => DefaultModels };
        var batteries = new Option<int>("--batteries") { Description = "Batteries in the connected-car sample that is cleaned by the battery recipe (0 skips that part)", DefaultValueFactory = _ => 8 };
        var command = new Command("quickstart", "Walk the lifecycle on bundled data: workspace, tracked forecasts of AirPassengers with a leaderboard, then the connected-car battery data cleaned by a DuckDB recipe into a profiled dataset") { folder, models, batteries };
        runner.BindWithoutWorkspace(command, async call =>
        {
            var target = Path.GetFullPath(call.Get(folder), call.Context.CurrentFolder);
            var names = call.Get(models).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var forecasters = names.Select(Spec).ToList();
            await using var workspace = File.Exists(Path.Combine(target, WorkspaceSettings.FileName))
                ? await LocalWorkspace.OpenAsync(target, runner.CliWorkspaceOptions(), call.CancellationToken)
                : await LocalWorkspace.InitAsync(target, null, runner.CliWorkspaceOptions(), call.CancellationToken);
            call.Output.Status($"Workspace: {workspace.Folder} ({workspace.StoreDescription})");
            var result = await RunAsync(workspace, forecasters, call);
            if (call.Get(batteries) < 0)
            {
                throw PrognosException.InvalidParameter($"--batteries is {call.Get(batteries)}; give 0 to skip the connected-car part or a positive number.");
            }

            if (call.Get(batteries) > 0)
            {
                result = result with { ConnectedCar = await ConnectedCarQuickstart.RunAsync(workspace, call.Get(batteries), call) };
            }

            call.Output.Emit(result, () =>
            {
                call.Output.Table(
                    ["RANK", "MODEL", "CHOSEN", "MAE", "RMSE", "MAPE %", "MASE", "FIT s", "RUN ID"],
                    result.Leaderboard.Select((row, i) => (IReadOnlyList<string>)
                    [
                        row.Error is null ? (i + 1).ToString(CultureInfo.InvariantCulture) : "-", row.Model, row.Description ?? row.Error ?? "",
                        Fmt(row.Mae), Fmt(row.Rmse), Fmt(row.Mape), Fmt(row.Mase), Fmt(row.FitSeconds), row.RunId[..8],
                    ]),
                    $"AirPassengers, {Holdout}-month holdout (1960) — best: {result.BestModel}");
                call.Output.Line($"Parent run: {result.ParentRunId}");
                call.Output.Line($"Forecast plot of {result.BestModel}: {result.Plot}");
                call.Output.Line($"Try: prognos --workspace {workspace.Folder} run search -e air-passengers -f \"attributes.status = 'FINISHED'\" --order-by \"metrics.rmse ASC\"");
                if (result.ConnectedCar is { } car)
                {
                    ConnectedCarQuickstart.Show(call.Output, car);
                    call.Output.Line($"Try: prognos --workspace {workspace.Folder} dataset profile {car.Dataset}");
                }
            });
            return 0;
        });
        return command;
    }

    private static IForecaster Spec(string name)
    {
        try
        {
            return ForecasterCatalog.Create(name);
        }
        catch (ForecastingException ex)
        {
            throw PrognosException.InvalidParameter($"--models: {ex.Message}");
        }
    }

    private static async Task<QuickstartResult> RunAsync(LocalWorkspace workspace, IReadOnlyList<IForecaster> forecasters, Invocation call)
    {
        var series = AirPassengers.Load();
        var train = series with { Timestamps = series.Timestamps.Take(series.Length - Holdout).ToList(), Values = series.Values[..^Holdout] };
        var actual = series.Values[^Holdout..];

        await using var parent = await workspace.StartRunAsync("air-passengers", $"quickstart-{call.Context.Clock.GetUtcNow():yyyyMMdd-HHmmss}", cancellationToken: call.CancellationToken);
        await parent.LogParamsAsync(new Dictionary<string, string>
        {
            ["dataset"] = "AirPassengers (bundled, monthly 1949-1960)",
            ["holdout"] = Holdout.ToString(CultureInfo.InvariantCulture),
            ["models"] = string.Join(",", forecasters.Select(f => f.Name)),
        }, call.CancellationToken);

        var rows = new List<LeaderboardRow>();
        foreach (var forecaster in forecasters)
        {
            call.Output.Status($"fitting {forecaster.Name} ...");
            await using var child = await parent.StartChildRunAsync(forecaster.Name, call.CancellationToken);
            await child.LogParamAsync("model", forecaster.Name, call.CancellationToken);
            var clock = Stopwatch.StartNew();
            try
            {
                var fitted = forecaster.Fit(train, call.CancellationToken);
                var forecast = fitted.Predict(new ForecastRequest(Holdout));
                var seconds = clock.Elapsed.TotalSeconds;
                var row = new LeaderboardRow(forecaster.Name, fitted.Description, child.RunId,
                    ForecastMetrics.Mae(actual, forecast.Mean), ForecastMetrics.Rmse(actual, forecast.Mean), ForecastMetrics.Mape(actual, forecast.Mean),
                    ForecastMetrics.Mase(actual, forecast.Mean, train.Values, train.SeasonalPeriod), seconds, null);
                rows.Add(row);
                await child.LogParamsAsync(FittedParams(fitted), call.CancellationToken);
                foreach (var (key, value) in new[] { ("mae", row.Mae), ("rmse", row.Rmse), ("mape", row.Mape), ("mase", row.Mase), ("fit_seconds", seconds) })
                {
                    await child.LogMetricAsync(key, value, cancellationToken: call.CancellationToken);
                }

                await child.LogTextAsync("forecast.csv", ForecastCsv(forecast, actual), call.CancellationToken);
                using var model = new MemoryStream();
                fitted.Save(model);
                model.Position = 0;
                await child.LogArtifactAsync("model/model.json", model, call.CancellationToken);
                await ForecastTrainCommand.LogPngAsync(child, PlotPath, ForecastPlots.Forecast(train, forecast, $"AirPassengers 1960 — {fitted.Description}", actual), call.CancellationToken);
                call.Output.Status($"  {fitted.Description}: RMSE {Fmt(row.Rmse)} in {seconds:F2}s");
            }
            catch (ForecastingException ex)
            {
                rows.Add(new LeaderboardRow(forecaster.Name, null, child.RunId, double.NaN, double.NaN, double.NaN, double.NaN, clock.Elapsed.TotalSeconds, ex.Message));
                await child.SetTagAsync("prognos.error", ex.Message, call.CancellationToken);
                await child.EndAsync(RunStatus.Failed, call.CancellationToken);
                call.Output.Status($"  skipped: {ex.Message}");
            }
        }

        var ranked = rows.Where(r => r.Error is null).OrderBy(r => r.Rmse).Concat(rows.Where(r => r.Error is not null)).ToList();
        var best = ranked.FirstOrDefault(r => r.Error is null)
            ?? throw PrognosException.InvalidState("No model could be fitted to AirPassengers; see the failed child runs for the reasons.");
        await parent.SetTagAsync("best_model", best.Model, call.CancellationToken);
        await parent.SetTagAsync("best_run_id", best.RunId, call.CancellationToken);
        await parent.LogMetricAsync("best_rmse", best.Rmse, cancellationToken: call.CancellationToken);
        var bestRun = await workspace.GetRunAsync(best.RunId, call.CancellationToken);
        var plot = Path.Combine(workspace.ArtifactFolder, bestRun.Info.ArtifactUri, PlotPath);
        return new QuickstartResult(workspace.Location, parent.RunId, best.Model, plot, ranked);
    }

    private static Dictionary<string, string> FittedParams(IFittedForecaster fitted)
    {
        var parameters = new Dictionary<string, string> { ["description"] = fitted.Description };
        foreach (var (key, value) in fitted.Parameters.Take(90))
        {
            parameters[$"fitted.{key}"] = value.ToString("G8", CultureInfo.InvariantCulture);
        }

        return parameters;
    }

    private static string ForecastCsv(Forecast forecast, double[] actual)
    {
        var text = new StringBuilder("date,actual,forecast");
        foreach (var interval in forecast.Intervals)
        {
            text.Append(CultureInfo.InvariantCulture, $",lower_{interval.Level:0},upper_{interval.Level:0}");
        }

        text.Append('\n');
        for (var h = 0; h < forecast.Horizon; h++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{forecast.Timestamps[h]:yyyy-MM-dd},{actual[h]},{forecast.Mean[h]:R}");
            foreach (var interval in forecast.Intervals)
            {
                text.Append(CultureInfo.InvariantCulture, $",{interval.Lower[h]:R},{interval.Upper[h]:R}");
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    private static string Fmt(double value) => double.IsNaN(value) ? "-" : value.ToString("F2", CultureInfo.InvariantCulture);

    internal sealed record LeaderboardRow(string Model, string? Description, string RunId, double Mae, double Rmse, double Mape, double Mase, double FitSeconds, string? Error);

    internal sealed record QuickstartResult(string Workspace, string ParentRunId, string BestModel, string Plot, IReadOnlyList<LeaderboardRow> Leaderboard)
    {
        public ConnectedCarQuickstart.Result? ConnectedCar { get; init; }
    }
}
