namespace Prognos.Search;

/// <summary>
/// One parsed clause of a run filter, e.g. <c>metrics.rmse &lt; 0.5</c>. For attributes <see cref="Key"/> is the
/// canonical name from <see cref="RunAttributes"/> (aliases such as <c>created</c> are already resolved).
/// </summary>
public sealed record FilterClause(SearchEntity Entity, string Key, ComparisonOperator Operator, FilterValue Value);
