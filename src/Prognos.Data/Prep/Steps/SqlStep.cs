using System.Text.RegularExpressions;

namespace Prognos.Data.Prep.Steps;

/// <summary>
/// `sql: "SELECT ... FROM {{input}}"` runs any DuckDB query. <c>{{input}}</c> (or the view <c>previous</c>) is the
/// previous step's result; <c>{{name}}</c> is any other named input or step result.
/// </summary>
internal sealed partial class SqlStep(StepHeader header, Located query) : RecipeStep(header)
{
    public static SqlStep Parse(StepHeader h, YamlArgs a) =>
        new(h, a.IsMapping ? a.String("query", "query: SELECT * FROM {{input}}") : a.Scalar());

    internal override IReadOnlyList<Located> References =>
        Placeholder().Matches(query.Value).Select(m => m.Groups[1].Value).Where(n => n != "input").Distinct()
            .Select(n => new Located(n, query.At)).ToList();

    internal override IReadOnlyList<string> BuildSql(StepBuild b)
    {
        var sql = Placeholder().Replace(query.Value, m => m.Groups[1].Value == "input"
            ? b.Previous
            : b.Resolve(new Located(m.Groups[1].Value, query.At)).Sql);
        return [sql.Trim().TrimEnd(';')];
    }

    [GeneratedRegex(@"\{\{\s*([^}\s]+)\s*\}\}")]
    private static partial Regex Placeholder();
}
