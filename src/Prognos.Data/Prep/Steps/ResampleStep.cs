namespace Prognos.Data.Prep.Steps;

/// <summary>
/// `resample: { time: Date, frequency: 1d, by: Battery_ID, aggregations: { col: sum, other: [min, max] } }` buckets each
/// series by time (DuckDB time_bucket: days and hours start at midnight, weeks on Monday, months on the 1st) and
/// aggregates. One aggregation keeps the column's name; several name them col_agg. Other columns are dropped;
/// buckets with no rows are not produced (regularize afterwards for a full grid).
/// </summary>
internal sealed class ResampleStep(StepHeader header, SeriesArgs series, Frequency frequency, IReadOnlyList<(Located Column, IReadOnlyList<Located> Aggs)> aggregations) : RecipeStep(header)
{
    public static ResampleStep Parse(StepHeader h, YamlArgs a)
    {
        var s = SeriesArgs.Parse(a, "resample");
        var f = Frequency.Parse(a.String("frequency", "frequency: 1d"));
        var aggs = a.Required("aggregations", "aggregations: { Daily_Cycles_Used: sum }").Entries()
            .Select(e => (e.Key, e.Value.ScalarList())).ToList();
        return new(h, s, f, aggs);
    }

    internal override IReadOnlyList<string> BuildSql(StepBuild b)
    {
        var time = b.Temporal(series.Time);
        var by = series.ByColumns(b);
        var t = Sql.Id(time.Name);
        var cols = new List<string>();
        foreach (var (column, aggs) in aggregations)
        {
            var c = b.Column(column);
            foreach (var agg in aggs)
            {
                var name = Aggregation.Check(agg, Aggregation.Resample, Kind);
                if (name is not ("first" or "last" or "count" or "min" or "max") && !c.IsNumeric) b.Numeric(column);
                var alias = aggs.Count == 1 ? c.Name : $"{c.Name}_{name}";
                cols.Add($"{Aggregation.Sql(name, c, t)} AS {Sql.Id(alias)}");
            }
        }
        var byList = by.Count == 0 ? "" : Sql.Ids(by) + ", ";
        return [$"""
            SELECT {byList}time_bucket({frequency.Interval}, {t}) AS {t}, {string.Join(", ", cols)}
            FROM {b.Previous} WHERE {t} IS NOT NULL
            GROUP BY {byList}time_bucket({frequency.Interval}, {t})
            ORDER BY {byList}{t}
            """];
    }
}
