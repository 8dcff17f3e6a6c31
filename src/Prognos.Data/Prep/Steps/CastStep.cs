namespace Prognos.Data.Prep.Steps;

/// <summary>`cast: { col: int|double|string|date|timestamp|bool }` converts columns; a value that does not convert fails the run.</summary>
internal sealed class CastStep(StepHeader header, IReadOnlyList<(Located Column, string Type)> map) : RecipeStep(header)
{
    private static readonly Dictionary<string, string> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        ["int"] = "BIGINT",
        ["double"] = "DOUBLE",
        ["string"] = "VARCHAR",
        ["date"] = "DATE",
        ["timestamp"] = "TIMESTAMP",
        ["bool"] = "BOOLEAN",
    };

    public static string DuckDbType(Located type) => Types.TryGetValue(type.Value, out var t)
        ? t
        : throw RecipeErrors.At(type.At, $"'{type.Value}' is not a type; use one of: {string.Join(", ", Types.Keys)}.");

    public static CastStep Parse(StepHeader h, YamlArgs a) =>
        new(h, a.Entries().Select(e => (e.Key, DuckDbType(e.Value.Scalar()))).ToList());

    internal override IReadOnlyList<string> BuildSql(StepBuild b)
    {
        foreach (var (c, _) in map) b.Column(c);
        var cols = b.Schema.Select(c => map.FirstOrDefault(m => m.Column.Value == c.Name) is { Type: not null } m
            ? $"CAST({Sql.Id(c.Name)} AS {m.Type}) AS {Sql.Id(c.Name)}"
            : Sql.Id(c.Name));
        return [$"SELECT {string.Join(", ", cols)} FROM {b.Previous}"];
    }
}
