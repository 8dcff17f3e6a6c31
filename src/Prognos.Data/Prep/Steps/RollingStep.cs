namespace Prognos.Data.Prep.Steps;

/// <summary>
/// `rolling: { column: x, window: 7, aggregations: [mean, max], time: Date, by: id, min_periods: 7 }` adds
/// x_roll7_mean, ... over the last N rows of each series, NULL until min_periods (default N) values are present,
/// like pandas' rolling(N).
/// </summary>
internal sealed class RollingStep(StepHeader header, SeriesArgs series, Located column, int window, IReadOnlyList<Located> aggs, int? minPeriods) : RecipeStep(header)
{
    public static RollingStep Parse(StepHeader h, YamlArgs a)
    {
        var s = SeriesArgs.Parse(a, "rolling");
        var c = a.String("column", "column: Daily_Cycles_Used");
        var w = a.Int("window", null, "window: 7");
        if (w < 1) throw RecipeErrors.At(a.At, "step 'rolling' needs window >= 1.");
        var aggs = a.OptionalList("aggregations");
        var mp = a.Optional("min_periods") is null ? (int?)null : a.Int("min_periods", 0, "min_periods: 1");
        return new(h, s, c, w, aggs.Count == 0 ? [new Located("mean", a.At)] : aggs, mp);
    }

    internal override IReadOnlyList<string> BuildSql(StepBuild b)
    {
        var c = b.Numeric(column);
        var col = Sql.Id(c.Name);
        var frame = $"({series.Partition(b)}ORDER BY {series.WindowOrder(b)} ROWS BETWEEN {window - 1} PRECEDING AND CURRENT ROW)";
        var added = aggs.Select(a =>
        {
            var agg = Aggregation.Check(a, Aggregation.Rolling, Kind);
            var expr = $"CASE WHEN count({col}) OVER {frame} >= {minPeriods ?? window} THEN {Aggregation.Sql(agg, c, "", " OVER " + frame)} END";
            return ($"{c.Name}_roll{window}_{agg}", expr);
        }).ToList();
        return [WindowColumns.Select(b, added, series.ResultOrder(b))];
    }
}
