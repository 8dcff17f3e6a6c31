using System.Runtime.CompilerServices;

namespace Prognos.Data.Prep;

/// <summary>
/// A query over files (Parquet, CSV) in an in-process DuckDB database: read its schema, count it, refine it with SQL,
/// and stream its rows. Relations made by <see cref="Query"/> share the root's database; dispose the root last.
/// </summary>
public sealed class DuckDbRelation : IDisposable
{
    private readonly DuckDbSession _db;
    private readonly bool _ownsDatabase;

    private DuckDbRelation(DuckDbSession db, string sql, bool ownsDatabase)
    {
        _db = db;
        Sql = sql;
        _ownsDatabase = ownsDatabase;
    }

    /// <summary>The relation as a parenthesised DuckDB query, usable after FROM.</summary>
    public string Sql { get; }

    /// <summary>Opens Parquet file(s) (a glob such as <c>data/*.parquet</c> is fine) as a relation.</summary>
    public static DuckDbRelation OpenParquet(string path, string memoryLimit = "1.5GB") =>
        Open($"(SELECT * FROM read_parquet({Prep.Sql.Str(path)}))", memoryLimit);

    /// <summary>Opens CSV file(s) as a relation, with DuckDB's type detection.</summary>
    public static DuckDbRelation OpenCsv(string path, string memoryLimit = "1.5GB") =>
        Open($"(SELECT * FROM read_csv({Prep.Sql.Str(path)}))", memoryLimit);

    /// <summary>A new relation from SQL in which <c>{{relation}}</c> stands for this one, e.g. <c>SELECT * FROM {{relation}} WHERE x &gt; 0</c>.</summary>
    public DuckDbRelation Query(string sql) =>
        new(_db, "(" + sql.Replace("{{relation}}", Sql, StringComparison.Ordinal).Trim().TrimEnd(';') + ")", ownsDatabase: false);

    /// <summary>The columns and their DuckDB types.</summary>
    public Task<IReadOnlyList<RelationColumn>> ReadSchemaAsync(CancellationToken cancellationToken = default) =>
        Task.Run(() => _db.Describe(Sql, cancellationToken), cancellationToken);

    /// <summary>The number of rows.</summary>
    public Task<long> CountAsync(CancellationToken cancellationToken = default) =>
        Task.Run(() => _db.Count(Sql, cancellationToken), cancellationToken);

    /// <summary>Streams the rows as values in schema order (NULL is null); names come from <see cref="ReadSchemaAsync"/>.</summary>
    public async IAsyncEnumerable<object?[]> ReadRowsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var cmd = _db.Connection.CreateCommand();
        cmd.CommandText = $"SELECT * FROM {Sql}";
        // Fetch chunk by chunk instead of materialising the whole result first.
        cmd.UseStreamingMode = true;
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            yield return row;
        }
    }

    public void Dispose()
    {
        if (_ownsDatabase) _db.Dispose();
    }

    private static DuckDbRelation Open(string sql, string memoryLimit)
    {
        var db = DuckDbSession.Open(":memory:");
        try
        {
            db.Execute($"SET memory_limit = {Prep.Sql.Str(memoryLimit)}");
            return new DuckDbRelation(db, sql, ownsDatabase: true);
        }
        catch
        {
            db.Dispose();
            throw;
        }
    }
}
