namespace Prognos.Tracking;

/// <summary>Metrics, params and tags logged to a run in one call, within MLflow's batch limits.</summary>
public sealed record LogBatch(
    IReadOnlyList<Metric>? Metrics = null,
    IReadOnlyDictionary<string, string>? Params = null,
    IReadOnlyDictionary<string, string>? Tags = null)
{
    public IReadOnlyList<Metric> MetricList => Metrics ?? [];

    public IReadOnlyDictionary<string, string> ParamMap => Params ?? EmptyMap;

    public IReadOnlyDictionary<string, string> TagMap => Tags ?? EmptyMap;

    private static readonly IReadOnlyDictionary<string, string> EmptyMap = new Dictionary<string, string>();
}
