using System.Globalization;
using Prognos.Artifacts;
using Prognos.Tracking;

namespace Prognos.Cli.Output;

/// <summary>
/// The documented JSON shapes of <c>--json</c> output (docs/cli.md). Field names are snake_case, times are
/// milliseconds since the epoch, statuses and stages are MLflow's spellings. Change only by adding fields.
/// </summary>
internal static class Views
{
    public sealed record ExperimentView(string ExperimentId, string Name, string ArtifactLocation, string LifecycleStage, long CreationTime, long LastUpdateTime, IReadOnlyDictionary<string, string> Tags);

    public sealed record RunInfoView(string RunId, string RunName, string ExperimentId, string Status, long StartTime, long? EndTime, string LifecycleStage, string ArtifactUri, string UserId, string? ParentRunId);

    public sealed record MetricView(string Key, double Value, long Timestamp, long Step);

    public sealed record RunDataView(IReadOnlyList<MetricView> Metrics, IReadOnlyDictionary<string, string> Params, IReadOnlyDictionary<string, string> Tags);

    public sealed record RunView(RunInfoView Info, RunDataView Data);

    public sealed record RunPageView(IReadOnlyList<RunView> Runs, string? NextPageToken);

    public sealed record ArtifactView(string Path, bool IsDir, long? FileSize);

    public static ExperimentView Of(Experiment e) =>
        new(e.ExperimentId, e.Name, e.ArtifactLocation, Stage(e.LifecycleStage), e.CreationTime, e.LastUpdateTime, e.Tags);

    public static RunInfoView Of(RunInfo i) =>
        new(i.RunId, i.RunName, i.ExperimentId, Status(i.Status), i.StartTime, i.EndTime, Stage(i.LifecycleStage), i.ArtifactUri, i.UserId, i.ParentRunId);

    public static MetricView Of(Metric m) => new(m.Key, m.Value, m.Timestamp, m.Step);

    public static RunView Of(Run r) =>
        new(Of(r.Info), new RunDataView(r.Data.Metrics.Select(Of).ToList(), Sorted(r.Data.Params), Sorted(r.Data.Tags)));

    public static ArtifactView Of(ArtifactEntry a) => new(a.Path, a.IsDirectory, a.Size);

    public static string Status(RunStatus status) => status.ToString().ToUpperInvariant();

    public static string Stage(LifecycleStage stage) => stage == LifecycleStage.Active ? "active" : "deleted";

    public static string Time(long? milliseconds) => milliseconds is { } ms
        ? DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture)
        : "-";

    public static string Number(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

    private static SortedDictionary<string, string> Sorted(IReadOnlyDictionary<string, string> map) => new(map.ToDictionary(), StringComparer.Ordinal);
}
