using System.Data.Common;
using System.Globalization;
using System.Text;
using Prognos.Data.Prep;
using Prognos.Errors;

namespace Prognos.Data.Datastores;

/// <summary>
/// Moves tables between DuckDB files and SQLite/PostgreSQL datastores through ADO.NET (DuckDB's database
/// scanners are extensions that cannot be downloaded here). Identifiers are quoted; values are parameters.
/// </summary>
public static class DatabaseTables
{
    private const int BatchRows = 500;

    /// <summary>Writes a Parquet file into <paramref name="table"/> (<paramref name="mode"/>: replace, append or fail).</summary>
    public static async Task<long> WriteParquetAsync(DbConnection connection, string table, string parquetPath, string mode, CancellationToken cancellationToken = default)
    {
        ValidateTableName(table);
        using var db = DuckDbSession.Open(":memory:");
        var source = $"read_parquet({Sql.Str(parquetPath)})";
        var columns = db.Describe($"(SELECT * FROM {source})", cancellationToken);
        var quoted = Quote(table);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        switch (mode.ToLowerInvariant())
        {
            case "replace":
                await ExecuteAsync(connection, transaction, $"DROP TABLE IF EXISTS {quoted}", cancellationToken).ConfigureAwait(false);
                await ExecuteAsync(connection, transaction, CreateTableSql(quoted, columns, connection), cancellationToken).ConfigureAwait(false);
                break;
            case "append":
                await ExecuteAsync(connection, transaction, CreateTableSql(quoted, columns, connection).Replace("CREATE TABLE", "CREATE TABLE IF NOT EXISTS", StringComparison.Ordinal), cancellationToken).ConfigureAwait(false);
                break;
            case "fail":
                await ExecuteAsync(connection, transaction, CreateTableSql(quoted, columns, connection), cancellationToken).ConfigureAwait(false);
                break;
            default:
                throw PrognosException.InvalidParameter($"Table output mode '{mode}' is not known; use replace, append or fail.");
        }

        var placeholders = string.Join(", ", columns.Select((_, i) => $"@c{i}"));
        var insert = $"INSERT INTO {quoted} ({string.Join(", ", columns.Select(c => Quote(c.Name)))}) VALUES ({placeholders})";
        long written = 0;
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = insert;
            for (var i = 0; i < columns.Count; i++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = $"c{i}";
                command.Parameters.Add(parameter);
            }

            await using var read = db.Connection.CreateCommand();
            read.CommandText = $"SELECT * FROM {source}";
            await using var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                for (var i = 0; i < columns.Count; i++)
                {
                    command.Parameters[i].Value = reader.IsDBNull(i) ? DBNull.Value : Normalise(reader.GetValue(i));
                }

                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                written++;
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return written;
    }

    /// <summary>Exports a table of a database datastore to a CSV file (header, RFC 4180 quoting, ISO dates).</summary>
    public static async Task<long> ExportCsvAsync(DbConnection connection, string table, string csvPath, CancellationToken cancellationToken = default)
    {
        ValidateTableName(table);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM {Quote(table)}";
        DbDataReader reader;
        try
        {
            reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbException ex)
        {
            throw PrognosException.NotFound($"Cannot read table '{table}' from the datastore: {ex.Message.TrimEnd('.')}. Check the table name.");
        }

        await using (reader)
        await using (var writer = new StreamWriter(csvPath, false, new UTF8Encoding(false)))
        {
            await writer.WriteLineAsync(string.Join(",", Enumerable.Range(0, reader.FieldCount).Select(i => Csv(reader.GetName(i))))).ConfigureAwait(false);
            long rows = 0;
            var buffer = new string[reader.FieldCount];
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                for (var i = 0; i < buffer.Length; i++)
                {
                    buffer[i] = reader.IsDBNull(i) ? "" : Csv(Format(reader.GetValue(i)));
                }

                await writer.WriteLineAsync(string.Join(",", buffer)).ConfigureAwait(false);
                rows++;
            }

            return rows;
        }
    }

    private static object Normalise(object value) => value switch
    {
        DuckDB.NET.Native.DuckDBDateOnly d => new DateTime(d.Year, d.Month, d.Day),
        DateOnly d => d.ToDateTime(TimeOnly.MinValue),
        System.Numerics.BigInteger b => (decimal)b,
        _ => value,
    };

    private static string CreateTableSql(string quotedTable, IReadOnlyList<RelationColumn> columns, DbConnection connection)
    {
        var postgres = connection.GetType().Name.StartsWith("Npgsql", StringComparison.Ordinal);
        var definitions = columns.Select(c => $"{Quote(c.Name)} {TypeFor(c, postgres)}");
        return $"CREATE TABLE {quotedTable} ({string.Join(", ", definitions)})";
    }

    private static string TypeFor(RelationColumn column, bool postgres) => column.DuckDbType switch
    {
        "BOOLEAN" => postgres ? "BOOLEAN" : "INTEGER",
        "TINYINT" or "SMALLINT" or "INTEGER" or "BIGINT" or "UTINYINT" or "USMALLINT" or "UINTEGER" => postgres ? "BIGINT" : "INTEGER",
        "FLOAT" or "DOUBLE" => postgres ? "DOUBLE PRECISION" : "REAL",
        "DATE" => postgres ? "DATE" : "TEXT",
        var t when t.StartsWith("TIMESTAMP", StringComparison.Ordinal) => postgres ? "TIMESTAMP" : "TEXT",
        var t when t.StartsWith("DECIMAL", StringComparison.Ordinal) => postgres ? "NUMERIC" : "REAL",
        _ => "TEXT",
    };

    private static string Format(object value) => value switch
    {
        DateTime t => t.TimeOfDay == TimeSpan.Zero ? t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Csv(string text) =>
        text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static void ValidateTableName(string table)
    {
        if (string.IsNullOrWhiteSpace(table) || table.Length > 128 || table.Any(char.IsControl))
        {
            throw PrognosException.InvalidParameter($"Table name '{table}' is not valid; give a plain table name such as battery_daily.");
        }
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbException ex)
        {
            throw PrognosException.InvalidState($"The datastore refused '{sql.Split('(')[0].Trim()}': {ex.Message.TrimEnd('.')}. With mode fail the table must not exist yet; use replace or append.");
        }
    }
}
