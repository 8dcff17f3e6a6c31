namespace Prognos.Data.Prep.Steps;

/// <summary>`rename: { old: new }` renames columns and keeps their place.</summary>
internal sealed class RenameStep(StepHeader header, IReadOnlyList<(Located From, Located To)> map) : RecipeStep(header)
{
    public static RenameStep Parse(StepHeader h, YamlArgs a) =>
        new(h, a.Entries().Select(e => (e.Key, e.Value.Scalar())).ToList());

    internal override IReadOnlyList<string> BuildSql(StepBuild b)
    {
        foreach (var (from, _) in map) b.Column(from);
        var names = b.Schema.Select(c => map.FirstOrDefault(m => m.From.Value == c.Name).To.Value ?? c.Name).ToList();
        var clash = names.GroupBy(n => n).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null)
        {
            var to = map.First(m => m.To.Value == clash.Key).To;
            throw RecipeErrors.At(to.At, $"step 'rename' would create two columns named '{clash.Key}'; pick another name or drop one column first (select).");
        }
        var cols = b.Schema.Select((c, i) => $"{Sql.Id(c.Name)} AS {Sql.Id(names[i])}");
        return [$"SELECT {string.Join(", ", cols)} FROM {b.Previous}"];
    }
}
