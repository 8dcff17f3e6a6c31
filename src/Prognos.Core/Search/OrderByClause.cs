namespace Prognos.Search;

/// <summary>One parsed order_by entry, e.g. <c>metrics.rmse DESC</c>; runs missing the key sort last.</summary>
public sealed record OrderByClause(SearchEntity Entity, string Key, bool Ascending);
