using System.CommandLine;
using System.Globalization;
using Prognos.Cli.Forecasting;
using Prognos.Errors;
using Prognos.Learning.Forecasting;

namespace Prognos.Cli.Commands;

/// <summary><c>prognos forecast predict</c>: forecast with the model(s) saved by <c>forecast train</c>.</summary>
internal static class ForecastPredictCommand
{
    public static Command Create(CommandRunner runner)
    {
        var run = new Option<string>("--run", "-r") { Description = "A child run of `forecast train`, or its parent (uses the best child, tag best_run_id)", Required = true };
        var horizon = new Option<int?>("--horizon") { Description = "Periods to forecast after the training data (default: the run's training horizon)" };
        var from = new Option<string?>("--from") { Description = "First timestamp to report (with --to)" };
        var to = new Option<string?>("--to") { Description = "Last timestamp to forecast" };
        var output = new Option<string?>("--out", "-o") { Description = "Write the forecast CSV here (default: print it)" };
        var levels = new Option<string>("--levels") { Description = "Prediction interval levels in percent", DefaultValueFactory = _ => "80,95" };
        var command = new Command("predict", "Forecast with a trained run's saved model(s): CSV, or JSON with --json") { run, horizon, from, to, output, levels };
        runner.Bind(command, async call =>
        {
            if (call.Get(horizon) is not null && (call.Get(from) is not null || call.Get(to) is not null))
            {
                throw PrognosException.InvalidParameter("Pass either --horizon or --from/--to, not both.");
            }

            var source = await ForecastModelArtifacts.ResolveAsync(call.Workspace, call.Get(run), call.CancellationToken);
            var models = await ForecastModelArtifacts.LoadAsync(call.Workspace, source, call.CancellationToken);
            var requestedLevels = ForecastTrainCommand.ParseLevels(call.Get(levels));
            var fromTime = Time(call.Get(from), "--from");
            var toTime = Time(call.Get(to), "--to");
            if (fromTime is not null && toTime is null)
            {
                throw PrognosException.InvalidParameter("--from needs --to; pass the last timestamp to forecast, e.g. --to 1961-12.");
            }

            var defaultHorizon = source.Data.Params.TryGetValue("horizon", out var trained) && int.TryParse(trained, CultureInfo.InvariantCulture, out var h) ? h : 0;
            var forecasts = new List<(string? SeriesId, Forecast Forecast)>();
            foreach (var (seriesId, model) in models)
            {
                var steps = toTime is { } end ? StepsUntil(model, end) : ForecastTrainCommand.Positive(call.Get(horizon) ?? defaultHorizon, "--horizon");
                var forecast = Predict(model, steps, requestedLevels);
                forecasts.Add((seriesId, fromTime is { } start ? From(forecast, start) : forecast));
            }

            var multi = models.Count > 1 || models[0].SeriesId is not null;
            var csv = ForecastModelArtifacts.ForecastCsv(forecasts, multi);
            string? written = null;
            if (call.Get(output) is { } target)
            {
                written = Path.GetFullPath(target, call.Context.CurrentFolder);
                await File.WriteAllTextAsync(written, csv, call.CancellationToken);
            }

            var view = new PredictView(source.Info.RunId, source.Data.Params.GetValueOrDefault("model", models[0].Model.Name), written,
                forecasts.Select((f, i) => new SeriesForecastView(f.SeriesId, models[i].Model.Description,
                    f.Forecast.Timestamps.Select(SeriesCsvReader.Iso).ToList(), f.Forecast.Mean,
                    f.Forecast.Intervals.Select(iv => new IntervalView(iv.Level, iv.Lower, iv.Upper)).ToList())).ToList());
            call.Output.Emit(view, () =>
            {
                if (written is null)
                {
                    call.Context.Out.Write(csv);
                }
                else
                {
                    call.Output.Line($"Wrote {forecasts.Sum(f => f.Forecast.Horizon)} forecast rows of {forecasts.Count} series from run {source.Info.RunId} ({view.Model}) to {written}");
                }
            });
            return 0;
        });
        return command;
    }

    private static Forecast Predict(IFittedForecaster model, int steps, IReadOnlyList<double> levels)
    {
        try
        {
            return model.Predict(new ForecastRequest(steps, levels));
        }
        catch (ForecastingException ex)
        {
            throw PrognosException.InvalidParameter(ex.Message);
        }
    }

    /// <summary>Periods from the end of the training data up to and including <paramref name="end"/>.</summary>
    private static int StepsUntil(IFittedForecaster model, DateTime end)
    {
        if (end <= model.LastTimestamp)
        {
            throw PrognosException.InvalidParameter(
                $"--to {SeriesCsvReader.Iso(end)} is not after the end of the training data ({SeriesCsvReader.Iso(model.LastTimestamp)}); forecasts start at {SeriesCsvReader.Iso(model.Frequency.Advance(model.LastTimestamp))}.");
        }

        var steps = 0;
        while (model.Frequency.Advance(model.LastTimestamp, steps + 1) <= end)
        {
            steps++;
            if (steps > 100_000)
            {
                throw PrognosException.InvalidParameter($"--to {SeriesCsvReader.Iso(end)} is more than 100000 {model.Frequency} periods ahead; forecast a shorter range.");
            }
        }

        return steps;
    }

    private static Forecast From(Forecast forecast, DateTime start)
    {
        var skip = forecast.Timestamps.TakeWhile(t => t < start).Count();
        if (skip == forecast.Horizon)
        {
            throw PrognosException.InvalidParameter($"--from {SeriesCsvReader.Iso(start)} is after --to; pass a range with from <= to.");
        }

        return new Forecast(forecast.Timestamps.Skip(skip).ToList(), forecast.Mean[skip..],
            forecast.Intervals.Select(i => new PredictionInterval(i.Level, i.Lower[skip..], i.Upper[skip..])).ToList());
    }

    private static DateTime? Time(string? text, string option) => text is null
        ? null
        : SeriesCsvReader.ParseTime(text) ?? throw PrognosException.InvalidParameter($"{option} '{text}' is not a date; use yyyy-MM, yyyy-MM-dd or an ISO-8601 timestamp.");

    internal sealed record IntervalView(double Level, double[] Lower, double[] Upper);

    internal sealed record SeriesForecastView(string? SeriesId, string Description, IReadOnlyList<string> Timestamps, double[] Mean, IReadOnlyList<IntervalView> Intervals);

    internal sealed record PredictView(string RunId, string Model, string? Out, IReadOnlyList<SeriesForecastView> Forecasts);
}
