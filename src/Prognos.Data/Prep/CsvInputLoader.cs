using System.Globalization;

namespace Prognos.Data.Prep;

/// <summary>
/// Loads CSV files into a table with DuckDB's read_csv and store_rejects, so a bad row (ragged, unparsable date or
/// number) is reported as file:line:column, or skipped and kept for a rejects file when the input says on_error: skip.
/// A column the sniffer had to read as text because a few values do not parse (mixed types) is re-read with the
/// type most of its values have, so those few values become rejects too.
/// </summary>
internal sealed class CsvInputLoader(DuckDbSession db, RecipeInput input)
{
    private const int ErrorsShown = 5;

    public string RejectsTable { get; private set; } = "";

    public long Load(string table, IReadOnlyList<string> paths, CancellationToken ct)
    {
        var types = new Dictionary<string, string>(input.Types);
        Read(table, paths, types, 0, ct);
        var inferred = MixedTypeColumns(table, types, ct);
        if (inferred.Count > 0)
        {
            foreach (var (c, t) in inferred) types[c] = t;
            db.Execute($"DROP TABLE {Sql.Id(table)}", ct);
            Read(table, paths, types, 1, ct);
        }
        var rejected = RejectedRows(ct);
        if (rejected > 0 && !input.SkipBadRows) throw BadRows(rejected, ct);
        return rejected;
    }

    /// <summary>Writes the rejected rows (file, line, column, error, the raw line) as CSV.</summary>
    public void WriteRejects(string path, CancellationToken ct) =>
        db.Execute($"COPY ({RejectsQuery()}) TO {Sql.Str(path)} (FORMAT CSV, HEADER true)", ct);

    private void Read(string table, IReadOnlyList<string> paths, Dictionary<string, string> types, int attempt, CancellationToken ct)
    {
        RejectsTable = $"{table}_rejects{attempt}";
        var options = new List<string>
        {
            $"header = {(input.Header ? "true" : "false")}",
            "store_rejects = true",
            $"rejects_table = {Sql.Str(RejectsTable)}",
            $"rejects_scan = {Sql.Str(RejectsTable + "_scan")}",
        };
        if (types.Count > 0) options.Add("types = {" + string.Join(", ", types.Select(t => $"{Sql.Str(t.Key)}: {Sql.Str(t.Value)}")) + "}");
        if (input.Delimiter is { } d) options.Add($"delim = {Sql.Str(d)}");
        var files = "[" + string.Join(", ", paths.Select(Sql.Str)) + "]";
        db.Execute($"CREATE TABLE {Sql.Id(table)} AS SELECT * FROM read_csv({files}, {string.Join(", ", options)})", ct);
    }

    private Dictionary<string, string> MixedTypeColumns(string table, Dictionary<string, string> declared, CancellationToken ct)
    {
        var found = new Dictionary<string, string>();
        foreach (var c in db.Describe(Sql.Id(table), ct).Where(c => c.DuckDbType == "VARCHAR" && !declared.ContainsKey(c.Name)))
        {
            var id = Sql.Id(c.Name);
            var r = db.Rows($"SELECT count({id}), count(TRY_CAST({id} AS DOUBLE)), count(TRY_CAST({id} AS BIGINT)), count(TRY_CAST({id} AS TIMESTAMP)) FROM {Sql.Id(table)}", ct)[0]
                .Select(v => Convert.ToInt64(v, CultureInfo.InvariantCulture)).ToArray();
            var (all, dbl, lng, ts) = (r[0], r[1], r[2], r[3]);
            // Mostly numbers (or timestamps) with a few that are not: the few are bad data, not text.
            if (dbl < all && dbl * 2 >= all && dbl > 0) found[c.Name] = lng == dbl ? "BIGINT" : "DOUBLE";
            else if (ts < all && ts * 2 >= all && ts > 0) found[c.Name] = "TIMESTAMP";
        }
        return found;
    }

    private string RejectsQuery() => $"""
        SELECT s.file_path AS file, e.line, e.column_idx AS "column", e.column_name, CAST(e.error_type AS VARCHAR) AS error_type,
               e.error_message, e.csv_line
        FROM {Sql.Id(RejectsTable)} e JOIN {Sql.Id(RejectsTable + "_scan")} s USING (scan_id, file_id)
        ORDER BY s.file_path, e.line, e.column_idx
        """;

    private long RejectedRows(CancellationToken ct) =>
        Convert.ToInt64(db.Scalar($"SELECT count(*) FROM (SELECT DISTINCT scan_id, file_id, line FROM {Sql.Id(RejectsTable)})", ct), CultureInfo.InvariantCulture);

    private Exception BadRows(long rejected, CancellationToken ct)
    {
        var rows = db.Rows(RejectsQuery() + $" LIMIT {ErrorsShown}", ct);
        var lines = rows.Select(r => $"{r[0]}:{r[1]}:{r[2]}: {Describe((string)r[4]!, r[3] as string, (string)r[5]!)}").ToList();
        var more = rejected > rows.Count ? $" (and more: {rejected} bad rows in all)" : "";
        return new Prognos.Errors.PrognosException(Prognos.Errors.ErrorCode.InvalidParameterValue,
            $"{lines[0]}{more}\n  in input '{input.Name}' ({input.Location}){string.Concat(lines.Skip(1).Select(l => "\n  " + l))}\n"
            + $"Fix the file, declare the column's type under the input's types: (e.g. types: {{ {rows[0][3] ?? "column"}: string }} to keep it as text), "
            + "or add on_error: skip to the input to drop such rows (they are written to a rejects CSV next to the outputs).");
    }

    private static string Describe(string errorType, string? column, string message) => errorType switch
    {
        "CAST" => $"value in column '{column}' does not parse: {message}",
        "MISSING COLUMNS" => $"ragged row, too few columns: {message}",
        "TOO MANY COLUMNS" => $"ragged row, too many columns: {message}",
        _ => $"{errorType.ToLowerInvariant()}: {message}",
    };
}
