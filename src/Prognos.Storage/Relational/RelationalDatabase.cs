using System.Data.Common;
using System.Globalization;
using Prognos.Errors;
using Prognos.Tracking;
using static Prognos.Storage.Relational.DbCommands;

namespace Prognos.Storage.Relational;

/// <summary>
/// A metadata database: connections, write transactions, versioned migrations and the few SQL spellings that
/// differ between SQLite and PostgreSQL. The stores (tracking, datasets, ...) share one instance.
/// </summary>
internal abstract class RelationalDatabase : IAsyncDisposable
{
    /// <summary>A short description of where the data lives, without secrets, for messages.</summary>
    public abstract string Description { get; }

    /// <summary>The dialect's auto-incrementing integer primary key column definition.</summary>
    protected abstract string IdentityColumn { get; }

    protected abstract string RealType { get; }

    protected abstract string BlobType { get; }

    public abstract Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    /// <summary>Starts a transaction that takes the write lock at once (SQLite: BEGIN IMMEDIATE).</summary>
    public virtual async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>Serialises concurrent migrators inside the migration transaction.</summary>
    protected virtual Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) => Task.CompletedTask;

    public abstract bool IsUniqueViolation(DbException exception);

    /// <summary>SQL for a case-insensitive LIKE.</summary>
    public abstract string ILike(string column, string parameter);

    public abstract ValueTask DisposeAsync();

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var current = await TryReadSchemaVersionAsync(connection, cancellationToken).ConfigureAwait(false);
        if (current is { } known)
        {
            EnsureNotNewer(known);
            if (known == Migrations.Latest)
            {
                return;
            }
        }

        // Several processes may open a new store at once: migrate under the write lock and re-read the version.
        await using var transaction = await BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        await LockForMigrationAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, transaction, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)", cancellationToken).ConfigureAwait(false);
        var version = await ReadSchemaVersionAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        EnsureNotNewer(version);
        foreach (var migration in Migrations.All.Where(m => m.Version > version))
        {
            var sql = migration.Sql.Replace("{id}", IdentityColumn, StringComparison.Ordinal).Replace("{real}", RealType, StringComparison.Ordinal).Replace("{blob}", BlobType, StringComparison.Ordinal);
            await ExecuteAsync(connection, transaction, sql, cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, transaction, "DELETE FROM schema_version", cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, transaction, $"INSERT INTO schema_version (version) VALUES ({migration.Version})", cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private void EnsureNotNewer(int version)
    {
        if (version > Migrations.Latest)
        {
            throw new PrognosException(ErrorCode.IncompatibleStore, $"The store at {Description} has schema version {version}, newer than this Prognos understands ({Migrations.Latest}). Upgrade Prognos to open it.");
        }
    }

    /// <summary>The schema version, or null when the store has no schema yet.</summary>
    private static async Task<int?> TryReadSchemaVersionAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        try
        {
            return await ReadSchemaVersionAsync(connection, null, cancellationToken).ConfigureAwait(false);
        }
        catch (DbException ex) when (ex.Message.Contains("schema_version", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
    }

    public async Task<int> GetSchemaVersionAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await ReadSchemaVersionAsync(connection, null, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<int> ReadSchemaVersionAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, "SELECT MAX(version) FROM schema_version");
        var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value is null or DBNull ? 0 : Convert.ToInt32(value, CultureInfo.InvariantCulture);
    }

    /// <summary>Appends metric points; PostgreSQL overrides this with binary COPY.</summary>
    public virtual async Task InsertMetricsAsync(DbConnection connection, DbTransaction transaction, string runId, IReadOnlyList<Metric> metrics, CancellationToken cancellationToken)
    {
        await using var insert = Command(connection, transaction,
            "INSERT INTO metrics (run_id, key, value, is_nan, timestamp, step) VALUES (@id, @k, @v, @n, @t, @s)",
            MetricRowParameters(runId));
        insert.Prepare();
        foreach (var m in metrics)
        {
            BindMetric(insert, m);
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
