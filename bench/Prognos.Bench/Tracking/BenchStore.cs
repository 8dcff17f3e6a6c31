using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using Prognos.Storage.Workspaces;

namespace Prognos.Bench.Tracking;

/// <summary>
/// A throwaway workspace for one measurement: an SQLite file under /tmp, or a PostgreSQL schema of its own
/// (created by the workspace's migrations, so the tables are the real ones). Disposing removes it.
/// </summary>
internal sealed class BenchStore : IAsyncDisposable
{
    private static readonly string RunTag = Guid.NewGuid().ToString("N")[..8];

    private readonly string? _npgsqlConnectionString;
    private readonly bool _keep;

    private BenchStore(StoreKind kind, string folder, LocalWorkspace workspace, string? schema, string? npgsqlConnectionString, bool keep)
    {
        _keep = keep;
        Kind = kind;
        Folder = folder;
        Workspace = workspace;
        Schema = schema;
        _npgsqlConnectionString = npgsqlConnectionString;
    }

    public StoreKind Kind { get; }

    public string Folder { get; }

    public LocalWorkspace Workspace { get; }

    public string? Schema { get; }

    public string Name => Kind == StoreKind.Sqlite ? "SQLite" : "PostgreSQL";

    public static async Task<BenchStore> CreateAsync(StoreKind kind, string label, BenchOptions options)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"prognos-bench-{RunTag}", $"{label}-{kind.ToString().ToLowerInvariant()}");
        string? schema = null;
        string? uri = null;
        if (kind == StoreKind.Postgres)
        {
            var server = options.PostgresUri ?? throw new InvalidOperationException("PostgreSQL is disabled (--no-postgres).");
            schema = $"bench_{RunTag}_{label}";
            uri = $"{server}?schema={schema}";
        }

        var workspace = await LocalWorkspace.InitAsync(folder, uri, new LocalWorkspaceOptions());
        var connectionString = uri is null ? null : StoreLocation.ToNpgsqlConnectionString(uri);
        return new BenchStore(kind, folder, workspace, schema, connectionString, options.KeepStores);
    }

    /// <summary>A plain driver connection to the same database, outside the workspace (for seeding and ceilings).</summary>
    public async Task<DbConnection> OpenRawAsync()
    {
        if (Kind == StoreKind.Postgres)
        {
            var pg = new NpgsqlConnection(_npgsqlConnectionString);
            await pg.OpenAsync();
            return pg;
        }

        var sqlite = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(Folder, "prognos.db"), Pooling = false }.ToString());
        await sqlite.OpenAsync();
        await using var pragmas = sqlite.CreateCommand();
        // The store's own pragmas, so the ceiling runs under the same durability settings.
        pragmas.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 120000;";
        await pragmas.ExecuteNonQueryAsync();
        return sqlite;
    }

    public static async Task<long> ScalarAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        await Workspace.DisposeAsync();
        if (_keep)
        {
            Console.WriteLine($"  kept {Name} store: {(Schema is null ? Folder : "schema " + Schema)}");
            return;
        }

        if (Schema is not null)
        {
            await using var connection = await OpenRawAsync();
            await using var drop = connection.CreateCommand();
            drop.CommandText = $"DROP SCHEMA IF EXISTS \"{Schema}\" CASCADE";
            await drop.ExecuteNonQueryAsync();
        }
        else
        {
            SqliteConnection.ClearAllPools();
        }

        Directory.Delete(Folder, recursive: true);
        var parent = Path.GetDirectoryName(Folder)!;
        if (Directory.Exists(parent) && !Directory.EnumerateFileSystemEntries(parent).Any())
        {
            Directory.Delete(parent);
        }
    }
}
