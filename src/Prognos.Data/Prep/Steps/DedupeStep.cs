namespace Prognos.Data.Prep.Steps;

/// <summary>
/// `dedupe: { keys: [..], keep: first|last, order_by: col }` keeps one row per key: the first (or last) by
/// order_by, ties broken by the order rows arrived in, like pandas' sort + drop_duplicates. Row order is kept.
/// </summary>
internal sealed class DedupeStep(StepHeader header, IReadOnlyList<Located> keys, bool keepLast, Located? orderBy) : RecipeStep(header)
{
    public static DedupeStep Parse(StepHeader h, YamlArgs a)
    {
        var keys = a.OptionalList("keys");
        var keep = a.Choice("keep", "first", "first", "last");
        var order = a.OptionalString("order_by");
        a.RejectUnknownKeys();
        return new(h, keys, keep == "last", order);
    }

    internal override IReadOnlyList<string> BuildSql(StepBuild b)
    {
        // No keys means whole-row duplicates.
        var keyCols = keys.Count == 0 ? b.Schema.Select(c => c.Name).ToList() : b.Columns(keys);
        var dir = keepLast ? "DESC" : "ASC";
        var order = (orderBy is { } o ? $"{Sql.Id(b.Column(o).Name)} {dir} NULLS LAST, " : "") + $"rowid {dir}";
        return [$"""
            SELECT * EXCLUDE (__prognos_rn, __prognos_row) FROM (
              SELECT *, rowid AS __prognos_row, row_number() OVER (PARTITION BY {Sql.Ids(keyCols)} ORDER BY {order}) AS __prognos_rn
              FROM {b.Previous})
            WHERE __prognos_rn = 1 ORDER BY __prognos_row
            """];
    }
}
