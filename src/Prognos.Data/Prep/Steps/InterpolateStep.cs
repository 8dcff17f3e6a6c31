namespace Prognos.Data.Prep.Steps;

/// <summary>
/// `interpolate: { columns: [..], method: linear|time|ffill|bfill, time: Date, by: Battery_ID }` fills NULLs per
/// series ordered by time, like pandas: linear is by position, time by timestamp distance; both leave leading
/// NULLs and carry the last value over trailing ones (pandas' limit_direction='forward'). No columns means every
/// numeric column except by/time.
/// </summary>
internal sealed class InterpolateStep(StepHeader header, SeriesArgs series, IReadOnlyList<Located> columns, string method) : RecipeStep(header)
{
    public static InterpolateStep Parse(StepHeader h, YamlArgs a) =>
        new(h, SeriesArgs.Parse(a, "interpolate"), a.OptionalList("columns"), a.Choice("method", "linear", "linear", "time", "ffill", "bfill"));

    internal override IReadOnlyList<string> BuildSql(StepBuild b)
    {
        var time = b.Temporal(series.Time);
        var by = series.ByColumns(b);
        var numeric = method is "linear" or "time";
        var targets = columns.Count == 0
            ? b.Schema.Where(c => c.IsNumeric && !by.Contains(c.Name) && c.Name != time.Name).Select(c => c.Name).ToList()
            : columns.Select(c => numeric ? b.Numeric(c).Name : b.Column(c).Name).ToList();
        var x = method == "time" ? $"epoch(CAST({Sql.Id(time.Name)} AS TIMESTAMP))" : "CAST(__prognos_pos AS DOUBLE)";
        var helpers = new List<string>();
        var outputs = new Dictionary<string, string>();
        for (var i = 0; i < targets.Count; i++)
        {
            var c = Sql.Id(targets[i]);
            helpers.Add($"last_value({c} IGNORE NULLS) OVER wp AS __pv{i}");
            helpers.Add($"first_value({c} IGNORE NULLS) OVER wn AS __nv{i}");
            if (numeric)
            {
                helpers.Add($"last_value(CASE WHEN {c} IS NOT NULL THEN {x} END IGNORE NULLS) OVER wp AS __px{i}");
                helpers.Add($"first_value(CASE WHEN {c} IS NOT NULL THEN {x} END IGNORE NULLS) OVER wn AS __nx{i}");
            }
            outputs[targets[i]] = method switch
            {
                "ffill" => $"COALESCE({c}, __pv{i})",
                "bfill" => $"COALESCE({c}, __nv{i})",
                _ => $"""
                    CASE WHEN {c} IS NOT NULL THEN CAST({c} AS DOUBLE)
                         WHEN __pv{i} IS NULL THEN NULL
                         WHEN __nv{i} IS NULL OR __nx{i} = __px{i} THEN CAST(__pv{i} AS DOUBLE)
                         ELSE __pv{i} + (__nv{i} - __pv{i}) * ({x} - __px{i}) / (__nx{i} - __px{i}) END
                    """,
            };
        }
        var partition = Sql.PartitionBy(by);
        var cols = b.Schema.Select(c => outputs.TryGetValue(c.Name, out var e) ? $"{e} AS {Sql.Id(c.Name)}" : Sql.Id(c.Name));
        var helperList = helpers.Count == 0 ? "" : ", " + string.Join(", ", helpers);
        return [$"""
            SELECT {string.Join(", ", cols)} FROM (
              SELECT *{helperList} FROM (
                SELECT *, row_number() OVER ({partition}ORDER BY {series.WindowOrder(b)}) AS __prognos_pos FROM {b.Previous})
              WINDOW wp AS ({partition}ORDER BY __prognos_pos ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW),
                     wn AS ({partition}ORDER BY __prognos_pos ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING))
            ORDER BY {series.ResultOrder(b)}, __prognos_pos
            """];
    }
}
