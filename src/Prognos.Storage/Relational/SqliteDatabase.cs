using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Prognos.Errors;
using Prognos.Tracking;
using static Prognos.Storage.Relational.DbCommands;

namespace Prognos.Storage.Relational;

/// <summary>
/// The embedded default: one SQLite file in WAL mode. Writers take the lock up front (BEGIN IMMEDIATE) and wait
/// for each other (busy timeout), so many processes can log to one workspace at once.
/// </summary>
internal sealed class SqliteDatabase : RelationalDatabase
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<SQLitePCL.sqlite3, object> Configured = new();
    private static readonly object Marker = new();

    private readonly string _path;
    private readonly string _connectionString;

    public SqliteDatabase(string path)
    {
        _path = Path.GetFullPath(path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = _path,
            Pooling = true,
            DefaultTimeout = 120,
            Mode = SqliteOpenMode.ReadWriteCreate,
        }.ToString();
    }

    public override string Description => $"sqlite:{_path}";

    protected override string IdentityColumn => "INTEGER PRIMARY KEY AUTOINCREMENT";

    protected override string RealType => "REAL";

    protected override string BlobType => "BLOB";

    public override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            // Pooled connections keep their settings: configure each physical connection once, not on every open.
            if (connection.Handle is { } handle && !Configured.TryGetValue(handle, out _))
            {
                await using var pragmas = connection.CreateCommand();
                pragmas.CommandText = "PRAGMA busy_timeout = 120000; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA case_sensitive_like = ON;";
                await pragmas.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                // Reading the schema page is what reveals a file that is not a database.
                await using var probe = connection.CreateCommand();
                probe.CommandText = "SELECT count(*) FROM sqlite_master";
                await probe.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
                Configured.AddOrUpdate(handle, Marker);
            }

            return connection;
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is 26 or 11)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw new PrognosException(ErrorCode.IncompatibleStore,
                $"'{_path}' is not a readable Prognos SQLite database ({ex.Message.TrimEnd('.')}). Point --workspace at a workspace folder, or restore the file from a backup.", ex);
        }
    }

    public override async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await Task.CompletedTask.ConfigureAwait(false);
        return ((SqliteConnection)connection).BeginTransaction(IsolationLevel.Serializable, deferred: false);
    }

    /// <summary>
    /// Microsoft.Data.Sqlite runs "async" commands synchronously anyway; calling the synchronous API in the loop avoids
    /// a task per row on the metric ingestion hot path.
    /// </summary>
    public override Task InsertMetricsAsync(DbConnection connection, DbTransaction transaction, string runId, IReadOnlyList<Metric> metrics, CancellationToken cancellationToken)
    {
        using var insert = Command(connection, transaction,
            "INSERT INTO metrics (run_id, key, value, is_nan, timestamp, step) VALUES (@id, @k, @v, @n, @t, @s)",
            MetricRowParameters(runId));
        insert.Prepare();
        foreach (var m in metrics)
        {
            cancellationToken.ThrowIfCancellationRequested();
            BindMetric(insert, m);
            insert.ExecuteNonQuery();
        }

        return Task.CompletedTask;
    }

    public override bool IsUniqueViolation(DbException exception) =>
        exception is SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 or 1555 };

    public override string ILike(string column, string parameter) => $"LOWER({column}) LIKE LOWER({parameter}) ESCAPE '\\'";

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
