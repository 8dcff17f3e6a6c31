namespace Prognos.Data.Prep.Steps;

/// <summary>The aggregations resample and rolling accept, as DuckDB SQL.</summary>
internal static class Aggregation
{
    public static readonly string[] Resample = ["sum", "mean", "min", "max", "first", "last", "count", "median"];

    public static readonly string[] Rolling = ["sum", "mean", "min", "max", "count", "median", "std"];

    public static string Check(Located name, string[] allowed, string kind) =>
        allowed.Contains(name.Value.ToLowerInvariant())
            ? name.Value.ToLowerInvariant()
            : throw RecipeErrors.At(name.At, $"step '{kind}' has no aggregation '{name.Value}'; use one of: {string.Join(", ", allowed)}.");

    /// <summary>
    /// The aggregate over `column`, with pandas' rules: NULLs are skipped, a sum of nothing but NULLs is 0
    /// (min_count=0), first/last are the first/last non-NULL value in `time` order.
    /// </summary>
    public static string Sql(string agg, RelationColumn column, string time, string over = "") =>
        agg == "sum" && column.IsInteger
            // DuckDB sums integers into HUGEINT; pandas keeps int64, and so do we.
            ? $"CAST({Sql(agg, Prep.Sql.Id(column.Name), time, over)} AS BIGINT)"
            : Sql(agg, Prep.Sql.Id(column.Name), time, over);

    private static string Sql(string agg, string column, string time, string over) => agg switch
    {
        "sum" => $"coalesce(sum({column}){over}, 0)",
        "mean" => $"avg({column}){over}",
        "min" => $"min({column}){over}",
        "max" => $"max({column}){over}",
        "count" => $"count({column}){over}",
        "median" => $"median({column}){over}",
        "std" => $"stddev_samp({column}){over}",
        "first" => $"first({column} ORDER BY {time}) FILTER (WHERE {column} IS NOT NULL)",
        "last" => $"last({column} ORDER BY {time}) FILTER (WHERE {column} IS NOT NULL)",
        _ => throw new ArgumentOutOfRangeException(nameof(agg), agg, null),
    };
}
