namespace Prognos.Data.Prep.Steps;

/// <summary>
/// `regularize: { time: Date, frequency: 12h, by: Battery_ID }` puts every series on a regular grid from its first
/// to its last timestamp: missing timestamps become rows whose other columns are NULL; rows off the grid are dropped
/// (like pandas' reindex over date_range(first, last, freq)).
/// </summary>
internal sealed class RegularizeStep(StepHeader header, SeriesArgs series, Frequency frequency) : RecipeStep(header)
{
    public static RegularizeStep Parse(StepHeader h, YamlArgs a) =>
        new(h, SeriesArgs.Parse(a, "regularize"), Frequency.Parse(a.String("frequency", "frequency: 1d")));

    internal override IReadOnlyList<string> BuildSql(StepBuild b)
    {
        var time = b.Temporal(series.Time);
        var by = series.ByColumns(b);
        var t = Sql.Id(time.Name);
        var groupBy = by.Count == 0 ? "" : $"GROUP BY {Sql.Ids(by)}";
        var byList = by.Count == 0 ? "" : Sql.Ids(by) + ", ";
        var on = string.Join(" AND ", by.Select(c => $"g.{Sql.Id(c)} IS NOT DISTINCT FROM p.{Sql.Id(c)}").Append($"g.{t} = p.{t}"));
        var cols = b.Schema.Select(c => (by.Contains(c.Name) || c.Name == time.Name ? "g." : "p.") + Sql.Id(c.Name));
        return [$"""
            WITH bounds AS (SELECT {byList}min({t}) AS __lo, max({t}) AS __hi FROM {b.Previous} WHERE {t} IS NOT NULL {groupBy}),
            g AS (SELECT {byList}CAST(unnest(generate_series(CAST(__lo AS TIMESTAMP), CAST(__hi AS TIMESTAMP), {frequency.Interval})) AS {time.DuckDbType}) AS {t} FROM bounds)
            SELECT {string.Join(", ", cols)} FROM g LEFT JOIN {b.Previous} p ON {on}
            ORDER BY {string.Join(", ", by.Select(c => "g." + Sql.Id(c)).Append("g." + t))}
            """];
    }
}
