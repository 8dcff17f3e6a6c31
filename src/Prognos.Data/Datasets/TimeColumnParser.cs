using System.Globalization;
using Prognos.Data.Prep;
using Prognos.Errors;

namespace Prognos.Data.Datasets;

/// <summary>
/// Makes a time column a TIMESTAMP: text such as <c>1949-01</c>, <c>2014-03-02 12:00:00</c> or <c>02/03/2014</c> is
/// parsed with the first format that reads every value; a value no format reads is an error naming its row.
/// </summary>
internal static class TimeColumnParser
{
    private static readonly string[] Formats =
    [
        "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%SZ", "%Y-%m-%d", "%Y-%m", "%Y/%m/%d", "%d/%m/%Y %H:%M:%S", "%d/%m/%Y", "%m/%d/%Y", "%Y",
    ];

    public static void EnsureTimestamp(DuckDbSession db, string table, string column, string source, CancellationToken cancellationToken)
    {
        var type = db.Describe(table, cancellationToken).Single(c => c.Name == column).DuckDbType;
        if (type.StartsWith("TIMESTAMP", StringComparison.Ordinal) || type == "DATE")
        {
            return;
        }

        var id = Sql.Id(column);
        var text = $"CAST({id} AS VARCHAR)";
        foreach (var format in Formats)
        {
            var failures = Convert.ToInt64(db.Scalar($"SELECT count(*) FROM {table} WHERE {id} IS NOT NULL AND try_strptime({text}, {Sql.Str(format)}) IS NULL", cancellationToken), CultureInfo.InvariantCulture);
            if (failures == 0)
            {
                db.Execute($"ALTER TABLE {table} ALTER {id} SET DATA TYPE TIMESTAMP USING strptime({text}, {Sql.Str(format)})", cancellationToken);
                return;
            }
        }

        var bad = db.Rows($"SELECT row_number, value FROM (SELECT row_number() OVER () AS row_number, {text} AS value FROM {table}) WHERE value IS NOT NULL AND " +
            string.Join(" AND ", Formats.Select(f => $"try_strptime(value, {Sql.Str(f)}) IS NULL")) + " LIMIT 1", cancellationToken);
        var example = bad.Count > 0 ? $" (data row {bad[0][0]}: '{bad[0][1]}')" : "";
        throw PrognosException.InvalidParameter($"{source}: time column '{column}' has values that are not dates{example}; write dates as YYYY-MM-DD[ HH:MM:SS] or YYYY-MM, or fix the rows.");
    }
}
