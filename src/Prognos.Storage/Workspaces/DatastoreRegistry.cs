using Npgsql;
using Prognos.Datastores;
using Prognos.Errors;
using Prognos.Storage.Secrets;

namespace Prognos.Storage.Workspaces;

/// <summary>
/// Named connections of a workspace. Credentials (a PostgreSQL URI with its password) are encrypted with the
/// workspace key before they reach the store, and only <see cref="ResolveConnectionAsync"/> gives them back.
/// Everything else shows the redacted location.
/// </summary>
public sealed class DatastoreRegistry
{
    private readonly IDatastoreStore _store;
    private readonly string _workspaceFolder;
    private readonly TimeProvider _clock;
    private WorkspaceKey? _key;

    internal DatastoreRegistry(IDatastoreStore store, string workspaceFolder, TimeProvider clock)
    {
        _store = store;
        _workspaceFolder = workspaceFolder;
        _clock = clock;
    }

    private WorkspaceKey Key => _key ??= WorkspaceKey.LoadOrCreate(_workspaceFolder);

    /// <summary>
    /// Creates a datastore. <paramref name="target"/> is a folder path (folder), a database file (sqlite) or a
    /// <c>postgresql://user:password@host:port/db</c> URI (postgresql).
    /// </summary>
    public async Task<Datastore> CreateAsync(string name, DatastoreKind kind, string target, string? description = null, CancellationToken cancellationToken = default)
    {
        Prognos.Datasets.DatasetReference.ValidateName(name, "name");
        if (string.IsNullOrWhiteSpace(target))
        {
            throw new PrognosException(ErrorCode.MissingParameter, "The datastore target is empty; give a folder, an SQLite file or a postgresql:// URI.");
        }

        var now = _clock.GetUtcNow().ToUnixTimeMilliseconds();
        switch (kind)
        {
            case DatastoreKind.Folder:
            case DatastoreKind.Sqlite:
                var path = Path.GetFullPath(target, _workspaceFolder);
                if (kind == DatastoreKind.Folder && !Directory.Exists(path))
                {
                    throw PrognosException.InvalidParameter($"Folder '{path}' does not exist; create it first or give an existing folder.");
                }

                return await _store.CreateDatastoreAsync(new Datastore(name, kind, path, false, description, now), null, cancellationToken).ConfigureAwait(false);
            default:
                // Validate now, so a typo fails at creation and not at first use.
                StoreLocation.ToNpgsqlConnectionString(target);
                var redacted = StoreLocation.Redact(target);
                return await _store.CreateDatastoreAsync(new Datastore(name, kind, redacted, true, description, now), Key.Encrypt(target, $"datastore:{name}"), cancellationToken).ConfigureAwait(false);
        }
    }

    public Task<IReadOnlyList<Datastore>> ListAsync(CancellationToken cancellationToken = default) => _store.ListDatastoresAsync(cancellationToken);

    public async Task<Datastore> GetAsync(string name, CancellationToken cancellationToken = default) =>
        (await FindAsync(name, cancellationToken).ConfigureAwait(false)).Datastore;

    public Task DeleteAsync(string name, CancellationToken cancellationToken = default) => _store.DeleteDatastoreAsync(name, cancellationToken);

    /// <summary>
    /// The connection with its secret: a folder or file path, or an Npgsql connection string. Never print it.
    /// </summary>
    public async Task<(Datastore Datastore, string Connection)> ResolveConnectionAsync(string name, CancellationToken cancellationToken = default)
    {
        var (datastore, secret) = await FindAsync(name, cancellationToken).ConfigureAwait(false);
        return datastore.Kind switch
        {
            DatastoreKind.Postgresql => (datastore, StoreLocation.ToNpgsqlConnectionString(Key.Decrypt(secret!, $"datastore:{name}"))),
            _ => (datastore, datastore.Location),
        };
    }

    /// <summary>Opens a connection to a database datastore (sqlite or postgresql).</summary>
    public async Task<System.Data.Common.DbConnection> OpenDatabaseAsync(string name, CancellationToken cancellationToken = default)
    {
        var (datastore, connection) = await ResolveConnectionAsync(name, cancellationToken).ConfigureAwait(false);
        System.Data.Common.DbConnection db = datastore.Kind switch
        {
            DatastoreKind.Sqlite => new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={connection}"),
            DatastoreKind.Postgresql => new NpgsqlConnection(connection),
            _ => throw PrognosException.InvalidParameter($"Datastore '{name}' is a folder, not a database; read files from it with '{name}:PATH'."),
        };
        try
        {
            await db.OpenAsync(cancellationToken).ConfigureAwait(false);
            return db;
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException)
        {
            await db.DisposeAsync().ConfigureAwait(false);
            throw PrognosException.InvalidParameter($"Cannot connect to datastore '{name}' ({datastore.Location}): {Redacted(ex.Message)}. Check the datastore with 'prognos datastore show {name}'.");
        }
    }

    private async Task<(Datastore Datastore, byte[]? Secret)> FindAsync(string name, CancellationToken cancellationToken) =>
        await _store.FindDatastoreAsync(name, cancellationToken).ConfigureAwait(false)
        ?? throw PrognosException.NotFound($"No datastore named '{name}'; list them with 'prognos datastore list' or create it with 'prognos datastore create {name} ...'.");

    private static string Redacted(string message) => message.Contains("password", StringComparison.OrdinalIgnoreCase) ? "authentication failed" : message.TrimEnd('.');
}
