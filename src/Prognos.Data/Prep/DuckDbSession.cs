using System.Globalization;
using DuckDB.NET.Data;

namespace Prognos.Data.Prep;

/// <summary>Thin synchronous helpers over one DuckDB connection; a cancelled token interrupts the running statement.</summary>
internal sealed class DuckDbSession(DuckDBConnection connection) : IDisposable
{
    public DuckDBConnection Connection => connection;

    public static DuckDbSession Open(string dataSource)
    {
        var c = new DuckDBConnection($"DataSource={dataSource}");
        c.Open();
        return new DuckDbSession(c);
    }

    public void Execute(string sql, CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        using var reg = ct.Register(() => cmd.Cancel());
        cmd.ExecuteNonQuery();
        ct.ThrowIfCancellationRequested();
    }

    public long Count(string relationSql, CancellationToken ct = default) =>
        Convert.ToInt64(Scalar($"SELECT count(*) FROM {relationSql}", ct), CultureInfo.InvariantCulture);

    public object? Scalar(string sql, CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        using var reg = ct.Register(() => cmd.Cancel());
        var v = cmd.ExecuteScalar();
        return v is DBNull ? null : v;
    }

    public List<object?[]> Rows(string sql, CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        using var reg = ct.Register(() => cmd.Cancel());
        using var r = cmd.ExecuteReader();
        var rows = new List<object?[]>();
        while (r.Read())
        {
            var row = new object?[r.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = r.IsDBNull(i) ? null : r.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>The schema of a relation (a table name or a parenthesised query), as DuckDB binds it.</summary>
    public IReadOnlyList<RelationColumn> Describe(string relationSql, CancellationToken ct = default) =>
        Rows($"DESCRIBE SELECT * FROM {relationSql}", ct).Select(r => new RelationColumn((string)r[0]!, (string)r[1]!)).ToList();

    public void Dispose() => connection.Dispose();
}
