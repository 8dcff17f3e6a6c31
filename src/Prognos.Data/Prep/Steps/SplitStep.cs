namespace Prognos.Data.Prep.Steps;

/// <summary>
/// `split: { by: time, column: Date, cutoff: '2015-01-01', into: [train, test] }` sends rows before the cut-off to the
/// first name and the rest to the second (rows with no time go to neither); `split: { by: random, fraction: 0.8,
/// seed: 42, into: [train, test] }` sends a seeded, row-content-hashed fraction to the first, so the same data and
/// seed always split the same way. The next step continues from the first.
/// </summary>
internal sealed class SplitStep(StepHeader header, IReadOnlyList<Located> into, Located? column, Located? cutoff, double fraction, int seed) : RecipeStep(header)
{
    public static SplitStep Parse(StepHeader h, YamlArgs a)
    {
        var by = a.Choice("by", "time", "time", "random");
        var into = a.List("into", "into: [train, test]");
        if (into.Count != 2) throw RecipeErrors.At(a.At, "step 'split' needs exactly two names: into: [train, test].");
        if (h.As is { } asName) throw RecipeErrors.At(asName.At, "step 'split' names its two results with into: [a, b]; remove 'as'.");
        if (by == "time")
        {
            return new(h, into, a.String("column", "column: Date"), a.String("cutoff", "cutoff: '2015-01-01'"), 0, 0);
        }
        var fraction = a.Double("fraction", null, "fraction: 0.8");
        if (fraction is < 0 or > 1) throw RecipeErrors.At(a.At, $"step 'split' needs a fraction between 0 and 1, not {fraction}.");
        return new(h, into, null, null, fraction, a.Int("seed", 0, "seed: 42"));
    }

    internal override IReadOnlyList<Located> Defines => into;

    internal override int OutputCount => 2;

    internal override IReadOnlyList<string> BuildSql(StepBuild b)
    {
        if (column is { } c && cutoff is { } cut)
        {
            var col = b.Temporal(c);
            var cond = $"{Sql.Id(col.Name)} < CAST({Sql.Str(cut.Value)} AS {col.DuckDbType})";
            return [$"SELECT * FROM {b.Previous} WHERE {cond} ORDER BY rowid", $"SELECT * FROM {b.Previous} WHERE NOT ({cond}) ORDER BY rowid"];
        }
        var bucket = $"(hash({seed}, CAST(__prognos_split AS VARCHAR)) % 1000000) < {Sql.Num(Math.Round(fraction * 1_000_000))}";
        return [$"SELECT __prognos_split.* FROM {b.Previous} __prognos_split WHERE {bucket} ORDER BY rowid",
                $"SELECT __prognos_split.* FROM {b.Previous} __prognos_split WHERE NOT ({bucket}) ORDER BY rowid"];
    }
}
