using System.Globalization;

namespace Prognos.Data.Prep;

/// <summary>Quoting for generated DuckDB SQL: identifiers are always quoted, literals always escaped.</summary>
internal static class Sql
{
    public static string Id(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public static string Ids(IEnumerable<string> names) => string.Join(", ", names.Select(Id));

    public static string Str(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    public static string Num(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>`PARTITION BY a, b` or nothing when the relation is one series.</summary>
    public static string PartitionBy(IReadOnlyList<string> by) => by.Count == 0 ? "" : "PARTITION BY " + Ids(by) + " ";

    public static string OrderBy(IReadOnlyList<string> by, string time) =>
        string.Join(", ", by.Select(Id).Append(Id(time)));
}
