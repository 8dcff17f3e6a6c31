namespace Prognos.Data.Prep.Steps;

/// <summary>Adds computed columns to a relation, replacing a column in place when the name already exists.</summary>
internal static class WindowColumns
{
    public static string Select(StepBuild b, IReadOnlyList<(string Name, string Expression)> added, string orderBy)
    {
        var replaced = added.ToDictionary(a => a.Name, a => a.Expression);
        var cols = b.Schema.Select(c => replaced.Remove(c.Name, out var e) ? $"{e} AS {Sql.Id(c.Name)}" : Sql.Id(c.Name)).ToList();
        cols.AddRange(added.Where(a => replaced.ContainsKey(a.Name)).Select(a => $"{a.Expression} AS {Sql.Id(a.Name)}"));
        return $"SELECT {string.Join(", ", cols)} FROM {b.Previous} ORDER BY {orderBy}";
    }
}
