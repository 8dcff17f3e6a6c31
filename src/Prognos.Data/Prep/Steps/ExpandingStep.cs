namespace Prognos.Data.Prep.Steps;

/// <summary>
/// `expanding: { column: Daily_Cycles_Used, function: sum, name: Lifetime_Cycles_Used, time: Date, by: Battery_ID }`
/// is the cumulative sum|min|max|mean|count per series in time order. Like pandas' cumsum: a NULL stays NULL in its
/// own row and is skipped by the rows after it. An existing column of that name is replaced in place.
/// </summary>
internal sealed class ExpandingStep(StepHeader header, SeriesArgs series, Located column, string function, Located? name) : RecipeStep(header)
{
    public static ExpandingStep Parse(StepHeader h, YamlArgs a) =>
        new(h, SeriesArgs.Parse(a, "expanding"), a.String("column", "column: Daily_Cycles_Used"),
            a.Choice("function", "sum", "sum", "min", "max", "mean", "count"), a.OptionalString("name"));

    internal override IReadOnlyList<string> BuildSql(StepBuild b)
    {
        var c = function is "count" or "min" or "max" ? b.Column(column) : b.Numeric(column);
        var fn = function == "mean" ? "avg" : function;
        var output = name?.Value ?? $"{c.Name}_expanding_{function}";
        var running = $"{fn}({Sql.Id(c.Name)}) OVER ({series.Partition(b)}ORDER BY {series.WindowOrder(b)} ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)";
        if (function == "sum" && c.IsInteger) running = $"CAST({running} AS BIGINT)";
        var expr = $"CASE WHEN {Sql.Id(c.Name)} IS NULL THEN NULL ELSE {running} END";
        return [WindowColumns.Select(b, [(output, expr)], series.ResultOrder(b))];
    }
}
