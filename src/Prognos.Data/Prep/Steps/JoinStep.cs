namespace Prognos.Data.Prep.Steps;

/// <summary>
/// `join: { with: other, on: [keys], how: inner|left }` adds the other relation's columns; a non-key column whose
/// name is taken gets the suffix _other.
/// </summary>
internal sealed class JoinStep(StepHeader header, Located with, IReadOnlyList<Located> on, string how) : RecipeStep(header)
{
    public static JoinStep Parse(StepHeader h, YamlArgs a) =>
        new(h, a.String("with", "with: weather"), a.List("on", "on: [Battery_ID, Date]"), a.Choice("how", "inner", "inner", "left"));

    internal override IReadOnlyList<Located> References => [with];

    internal override IReadOnlyList<string> BuildSql(StepBuild b)
    {
        var right = b.Resolve(with);
        var keys = on.Select(k => { b.Column(k); return b.Column(k, right).Name; }).ToList();
        var taken = b.Schema.Select(c => c.Name).ToHashSet();
        var extra = right.Columns.Where(c => !keys.Contains(c.Name))
            .Select(c => $"r.{Sql.Id(c.Name)} AS {Sql.Id(taken.Contains(c.Name) ? $"{c.Name}_{with.Value}" : c.Name)}");
        var cond = string.Join(" AND ", keys.Select(k => $"l.{Sql.Id(k)} = r.{Sql.Id(k)}"));
        return [$"SELECT l.*{string.Concat(extra.Select(e => ", " + e))} FROM {b.Previous} l {how.ToUpperInvariant()} JOIN {right.Sql} r ON {cond} ORDER BY l.rowid, r.rowid"];
    }
}
