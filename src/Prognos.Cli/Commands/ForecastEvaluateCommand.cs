using System.CommandLine;
using System.Text.Json.Serialization;
using Prognos.Cli.Forecasting;
using Prognos.Errors;
using Prognos.Learning.Forecasting;

namespace Prognos.Cli.Commands;

/// <summary>
/// <c>prognos forecast evaluate</c>: score a trained run's saved model(s) on new actuals that continue the training
/// series. Rows at or before the training end are ignored; the rest must fall on the model's frequency grid.
/// </summary>
internal static class ForecastEvaluateCommand
{
    public static Command Create(CommandRunner runner)
    {
        var run = new Option<string>("--run", "-r") { Description = "A child run of `forecast train`, or its parent (uses the best child)", Required = true };
        var file = new Option<string>("--file") { Description = "CSV with the new actuals", Required = true };
        var timeColumn = new Option<string>("--time-column") { Description = "Column with the timestamps", Required = true };
        var target = new Option<string>("--target") { Description = "Column with the actual values", Required = true };
        var seriesId = new Option<string?>("--series-id") { Description = "Column with the series id (for runs trained on several series)" };
        var command = new Command("evaluate", "Score a trained run's model on new data that continues its training series") { run, file, timeColumn, target, seriesId };
        runner.Bind(command, async call =>
        {
            var source = await ForecastModelArtifacts.ResolveAsync(call.Workspace, call.Get(run), call.CancellationToken);
            var models = await ForecastModelArtifacts.LoadAsync(call.Workspace, source, call.CancellationToken);
            var multi = models.Count > 1 || models[0].SeriesId is not null;
            if (multi && call.Get(seriesId) is null)
            {
                throw PrognosException.InvalidParameter($"Run {source.Info.RunId} was trained on {models.Count} series; pass --series-id COLUMN to match the new rows to them.");
            }

            var path = Path.GetFullPath(call.Get(file), call.Context.CurrentFolder);
            var observations = SeriesCsvReader.ReadObservations(path, call.Get(timeColumn), call.Get(target), multi ? call.Get(seriesId) : null)
                .ToDictionary(o => o.SeriesId ?? string.Empty, StringComparer.Ordinal);
            var training = await ForecastModelArtifacts.LoadTrainingDataAsync(call.Workspace, source, call.CancellationToken);

            var rows = new List<SeriesScoreView>();
            foreach (var (id, model) in models)
            {
                if (!observations.TryGetValue(id ?? string.Empty, out var series))
                {
                    continue;
                }

                var (actuals, forecast) = Align(model, series, Path.GetFileName(path));
                if (actuals.Length == 0)
                {
                    continue;
                }

                var history = training.GetValueOrDefault(id ?? string.Empty)?.Values;
                var scores = ForecastScores.Of(actuals, forecast.Mean, forecast.Intervals, history, model.Frequency.SeasonalPeriod);
                rows.Add(new SeriesScoreView(id, model.Description, actuals.Length, SeriesCsvReader.Iso(forecast.Timestamps[0]), SeriesCsvReader.Iso(forecast.Timestamps[^1]),
                    scores.Mae, scores.Rmse, scores.Nrmse, scores.Mape, scores.Smape, scores.Mase, scores.Coverage80, scores.Coverage95));
            }

            if (rows.Count == 0)
            {
                var end = models.Max(m => m.Model.LastTimestamp);
                throw PrognosException.InvalidParameter(
                    $"{Path.GetFileName(path)} has no rows after the training end ({SeriesCsvReader.Iso(end)})" + (multi ? " for the trained series ids" : "") +
                    "; evaluate needs actuals that continue the training series.");
            }

            var average = ForecastScores.Average(rows.Select(r => new ForecastScores(r.Mae, r.Rmse, r.Nrmse, r.Mape, r.Smape, r.Mase, r.Coverage80, r.Coverage95)).ToList());
            var view = new EvaluateView(source.Info.RunId, source.Data.Params.GetValueOrDefault("model", models[0].Model.Name), rows.Sum(r => r.Points), rows.Count,
                average.Mae, average.Rmse, average.Nrmse, average.Mape, average.Smape, average.Mase, average.Coverage80, average.Coverage95, rows);
            call.Output.Emit(view, () =>
            {
                var f = ForecastTrainCommand.Fmt;
                call.Output.Line($"Run {view.RunId} ({view.Model}) on {view.Points} new points of {view.SeriesCount} series:");
                call.Output.Table(
                    ["SERIES", "CHOSEN", "POINTS", "FROM", "TO", "MAE", "RMSE", "NRMSE", "MAPE %", "sMAPE %", "MASE", "COV 80", "COV 95"],
                    rows.Select(r => (IReadOnlyList<string>)
                    [
                        r.SeriesId ?? "-", r.Description, r.Points.ToString(System.Globalization.CultureInfo.InvariantCulture), r.From, r.To,
                        f(r.Mae, "F2"), f(r.Rmse, "F2"), f(r.Nrmse, "F3"), f(r.Mape, "F2"), f(r.Smape, "F2"), f(r.Mase, "F2"), f(r.Coverage80, "F2"), f(r.Coverage95, "F2"),
                    ]));
                if (rows.Count > 1)
                {
                    call.Output.Line($"Mean over series: MAE {f(view.Mae, "F2")}  RMSE {f(view.Rmse, "F2")}  MAPE {f(view.Mape, "F2")}%  MASE {f(view.Mase, "F2")}");
                }
            });
            return 0;
        });
        return command;
    }

    /// <summary>The actuals after the training end and the forecast at exactly their timestamps.</summary>
    private static (double[] Actuals, Forecast Forecast) Align(IFittedForecaster model, SeriesObservations series, string fileName)
    {
        var later = series.Rows.Where(r => r.Time > model.LastTimestamp && !double.IsNaN(r.Value)).OrderBy(r => r.Time).ToList();
        if (later.Count == 0)
        {
            return ([], new Forecast([], [], []));
        }

        var steps = new List<int>();
        var step = 0;
        foreach (var row in later)
        {
            while (model.Frequency.Advance(model.LastTimestamp, step + 1) < row.Time)
            {
                step++;
            }

            if (model.Frequency.Advance(model.LastTimestamp, step + 1) != row.Time)
            {
                throw PrognosException.InvalidParameter(
                    $"{fileName} row {row.Row}: timestamp {SeriesCsvReader.Iso(row.Time)} is not on the model's {model.Frequency} grid after {SeriesCsvReader.Iso(model.LastTimestamp)}; " +
                    "resample the new data to the training frequency.");
            }

            if (steps.Count > 0 && steps[^1] == step)
            {
                throw PrognosException.InvalidParameter($"{fileName} row {row.Row}: duplicate timestamp {SeriesCsvReader.Iso(row.Time)}; aggregate or drop the duplicates first.");
            }

            steps.Add(step);
        }

        var full = model.Predict(new ForecastRequest(steps[^1] + 1));
        var forecast = new Forecast(steps.Select(s => full.Timestamps[s]).ToList(), steps.Select(s => full.Mean[s]).ToArray(),
            full.Intervals.Select(i => new PredictionInterval(i.Level, steps.Select(s => i.Lower[s]).ToArray(), steps.Select(s => i.Upper[s]).ToArray())).ToList());
        return (later.Select(r => r.Value).ToArray(), forecast);
    }

    internal sealed record SeriesScoreView(
        string? SeriesId, string Description, int Points, string From, string To, double Mae, double Rmse, double Nrmse, double Mape, double Smape, double Mase,
        [property: JsonPropertyName("coverage_80")] double Coverage80, [property: JsonPropertyName("coverage_95")] double Coverage95);

    internal sealed record EvaluateView(
        string RunId, string Model, int Points, int SeriesCount, double Mae, double Rmse, double Nrmse, double Mape, double Smape, double Mase, [property: JsonPropertyName("coverage_80")] double Coverage80,
        [property: JsonPropertyName("coverage_95")] double Coverage95, IReadOnlyList<SeriesScoreView> Series);
}
