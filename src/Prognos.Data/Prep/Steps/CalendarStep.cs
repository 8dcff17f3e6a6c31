namespace Prognos.Data.Prep.Steps;

/// <summary>
/// `calendar: { column: Date, features: [day_of_week, month, is_weekend], prefix: "" }` adds calendar columns.
/// day_of_week is Monday=0 .. Sunday=6 and week_of_year the ISO week, as in pandas.
/// </summary>
internal sealed class CalendarStep(StepHeader header, Located column, IReadOnlyList<Located> features, string prefix) : RecipeStep(header)
{
    private static readonly Dictionary<string, string> Features = new()
    {
        ["day_of_week"] = "isodow({0}) - 1",
        ["month"] = "month({0})",
        ["day_of_month"] = "day({0})",
        ["day_of_year"] = "dayofyear({0})",
        ["week_of_year"] = "weekofyear({0})",
        ["quarter"] = "quarter({0})",
        ["year"] = "year({0})",
        ["hour"] = "hour({0})",
        ["is_weekend"] = "isodow({0}) >= 6",
    };

    public static CalendarStep Parse(StepHeader h, YamlArgs a)
    {
        var c = a.IsScalar ? a.Scalar() : a.String("column", "column: Date");
        var f = a.IsScalar ? [] : a.OptionalList("features");
        foreach (var x in f.Where(x => !Features.ContainsKey(x.Value)))
        {
            throw RecipeErrors.At(x.At, $"calendar feature '{x.Value}' does not exist; use any of: {string.Join(", ", Features.Keys)}.");
        }
        return new(h, c, f.Count == 0 ? Features.Keys.Select(k => new Located(k, a.At)).ToList() : f, a.IsScalar ? "" : a.OptionalString("prefix")?.Value ?? "");
    }

    internal override IReadOnlyList<string> BuildSql(StepBuild b)
    {
        var t = Sql.Id(b.Temporal(column).Name);
        var added = features.Select(f => (prefix + f.Value, string.Format(System.Globalization.CultureInfo.InvariantCulture, Features[f.Value], t))).ToList();
        return [WindowColumns.Select(b, added, "rowid")];
    }
}
