namespace Prognos.Tracking;

/// <summary>
/// A search over the runs of one or more experiments, with MLflow's filter grammar and ordering
/// (e.g. filter <c>metrics.rmse &lt; 10 AND params.model = 'ets'</c>, order by <c>metrics.rmse ASC</c>).
/// </summary>
public sealed record RunSearchQuery(
    IReadOnlyList<string> ExperimentIds,
    string? Filter = null,
    IReadOnlyList<string>? OrderBy = null,
    int MaxResults = RunSearchQuery.DefaultMaxResults,
    string? PageToken = null,
    ViewType ViewType = ViewType.ActiveOnly)
{
    public const int DefaultMaxResults = 1000;
    public const int MaxMaxResults = 50_000;
}
