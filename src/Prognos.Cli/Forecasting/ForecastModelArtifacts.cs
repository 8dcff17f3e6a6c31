using System.Globalization;
using System.Text;
using System.Text.Json;
using Prognos.Errors;
using Prognos.Learning.Forecasting;
using Prognos.Tracking;
using Prognos.Workspaces;

namespace Prognos.Cli.Forecasting;

/// <summary>
/// Where <c>forecast train</c> keeps its models and data in a run: one series is <c>model/model.json</c>; several are
/// <c>model/series/NNNN.json</c> listed by <c>model/index.json</c> (series id to file). The parent run keeps the
/// training data as <c>data/train.csv</c> so that later scoring can compute NRMSE and MASE.
/// </summary>
internal static class ForecastModelArtifacts
{
    public const string SingleModelPath = "model/model.json";
    public const string IndexPath = "model/index.json";
    public const string TrainingDataPath = "data/train.csv";
    public const string BestRunTag = "best_run_id";

    public static async Task SaveAsync(ActiveRun run, IReadOnlyList<SeriesOutcome> outcomes, bool multiSeries, CancellationToken cancellationToken)
    {
        if (!multiSeries)
        {
            await SaveOneAsync(run, SingleModelPath, outcomes[0].Model!, cancellationToken);
            return;
        }

        var index = new List<IndexEntry>();
        for (var i = 0; i < outcomes.Count; i++)
        {
            if (outcomes[i].Model is { } model)
            {
                var path = $"model/series/{i:D4}.json";
                await SaveOneAsync(run, path, model, cancellationToken);
                index.Add(new IndexEntry(outcomes[i].Series.SeriesId ?? string.Empty, path));
            }
        }

        await run.LogTextAsync(IndexPath, JsonSerializer.Serialize(new Index(index), JsonOptions), cancellationToken);
    }

    /// <summary>The run to load models from: the run itself, or the best child of a <c>forecast train</c> parent.</summary>
    public static async Task<Run> ResolveAsync(IWorkspace workspace, string runId, CancellationToken cancellationToken)
    {
        var run = await workspace.GetRunAsync(runId, cancellationToken);
        return run.Data.Tags.TryGetValue(BestRunTag, out var best) ? await workspace.GetRunAsync(best, cancellationToken) : run;
    }

    /// <summary>Every saved model of a run with its series id (null for a single-series run).</summary>
    public static async Task<IReadOnlyList<(string? SeriesId, IFittedForecaster Model)>> LoadAsync(IWorkspace workspace, Run run, CancellationToken cancellationToken)
    {
        var entries = await workspace.ListArtifactsAsync(run.Info.RunId, "model", cancellationToken);
        if (entries.Any(e => e.Path == SingleModelPath))
        {
            return [(null, await LoadOneAsync(workspace, run.Info.RunId, SingleModelPath, cancellationToken))];
        }

        if (!entries.Any(e => e.Path == IndexPath))
        {
            throw PrognosException.NotFound(
                $"Run {run.Info.RunId} has no saved forecaster ({SingleModelPath} or {IndexPath}); pass the id of a `prognos forecast train` run or of one of its child runs.");
        }

        await using var stream = await workspace.OpenArtifactAsync(run.Info.RunId, IndexPath, cancellationToken);
        var index = await JsonSerializer.DeserializeAsync<Index>(stream, JsonOptions, cancellationToken)
            ?? throw PrognosException.InvalidState($"{IndexPath} of run {run.Info.RunId} is empty.");
        var models = new List<(string?, IFittedForecaster)>();
        foreach (var entry in index.Series)
        {
            models.Add((entry.SeriesId, await LoadOneAsync(workspace, run.Info.RunId, entry.Path, cancellationToken)));
        }

        return models;
    }

    /// <summary>The training series logged by the parent of <paramref name="run"/>, by series id ("" when single); empty if none.</summary>
    public static async Task<IReadOnlyDictionary<string, TimeSeries>> LoadTrainingDataAsync(IWorkspace workspace, Run run, CancellationToken cancellationToken)
    {
        foreach (var owner in new[] { run.Info.ParentRunId, run.Info.RunId })
        {
            if (owner is null)
            {
                continue;
            }

            var entries = await workspace.ListArtifactsAsync(owner, "data", cancellationToken);
            if (entries.Any(e => e.Path == TrainingDataPath))
            {
                await using var stream = await workspace.OpenArtifactAsync(owner, TrainingDataPath, cancellationToken);
                using var reader = new StreamReader(stream);
                var series = SeriesCsvReader.Read(reader, TrainingDataPath, "timestamp", "value", "series_id");
                return series.ToDictionary(s => s.SeriesId ?? string.Empty, StringComparer.Ordinal);
            }
        }

        return new Dictionary<string, TimeSeries>();
    }

    public static string TrainingCsv(IReadOnlyList<TimeSeries> series)
    {
        var text = new StringBuilder("series_id,timestamp,value\n");
        foreach (var s in series)
        {
            for (var i = 0; i < s.Length; i++)
            {
                text.Append(CultureInfo.InvariantCulture, $"{Quote(s.SeriesId ?? string.Empty)},{SeriesCsvReader.Iso(s.Timestamps[i])},{s.Values[i]:R}\n");
            }
        }

        return text.ToString();
    }

    /// <summary>A forecast table: one row per series and step, with one lower/upper pair per interval level.</summary>
    public static string ForecastCsv(IReadOnlyList<(string? SeriesId, Forecast Forecast)> forecasts, bool withSeriesId)
    {
        var text = new StringBuilder(withSeriesId ? "series_id,timestamp,mean" : "timestamp,mean");
        var levels = forecasts.Count == 0 ? [] : forecasts[0].Forecast.Intervals.Select(i => i.Level).ToList();
        foreach (var level in levels)
        {
            text.Append(CultureInfo.InvariantCulture, $",lower_{level:0.##},upper_{level:0.##}");
        }

        text.Append('\n');
        foreach (var (id, forecast) in forecasts)
        {
            for (var h = 0; h < forecast.Horizon; h++)
            {
                if (withSeriesId)
                {
                    text.Append(Quote(id ?? string.Empty)).Append(',');
                }

                text.Append(CultureInfo.InvariantCulture, $"{SeriesCsvReader.Iso(forecast.Timestamps[h])},{forecast.Mean[h]:R}");
                foreach (var interval in forecast.Intervals)
                {
                    text.Append(CultureInfo.InvariantCulture, $",{interval.Lower[h]:R},{interval.Upper[h]:R}");
                }

                text.Append('\n');
            }
        }

        return text.ToString();
    }

    public static string Quote(string cell) => cell.IndexOfAny([',', '"', '\n']) >= 0 ? $"\"{cell.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : cell;

    private static async Task SaveOneAsync(ActiveRun run, string path, IFittedForecaster model, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        model.Save(buffer);
        buffer.Position = 0;
        await run.LogArtifactAsync(path, buffer, cancellationToken);
    }

    private static async Task<IFittedForecaster> LoadOneAsync(IWorkspace workspace, string runId, string path, CancellationToken cancellationToken)
    {
        await using var stream = await workspace.OpenArtifactAsync(runId, path, cancellationToken);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken);
        buffer.Position = 0;
        try
        {
            return ForecastModelFormat.Load(buffer);
        }
        catch (ForecastingException ex)
        {
            throw PrognosException.InvalidState($"{path} of run {runId} cannot be loaded: {ex.Message}");
        }
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true };

    private sealed record IndexEntry(string SeriesId, string Path);

    private sealed record Index(IReadOnlyList<IndexEntry> Series);
}
