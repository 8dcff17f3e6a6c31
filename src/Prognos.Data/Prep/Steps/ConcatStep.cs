namespace Prognos.Data.Prep.Steps;

/// <summary>`concat: [other, ...]` appends the other relations' rows below the current ones, matching columns by name.</summary>
internal sealed class ConcatStep(StepHeader header, IReadOnlyList<Located> others) : RecipeStep(header)
{
    public static ConcatStep Parse(StepHeader h, YamlArgs a) =>
        new(h, a.IsMapping ? a.List("with", "with: [twice_daily]") : a.ScalarList());

    internal override IReadOnlyList<Located> References => others;

    internal override IReadOnlyList<string> BuildSql(StepBuild b) =>
        [string.Join(" UNION ALL BY NAME ", others.Select(o => b.Resolve(o).Sql).Prepend(b.Previous).Select(r => $"SELECT * FROM {r}"))];
}
