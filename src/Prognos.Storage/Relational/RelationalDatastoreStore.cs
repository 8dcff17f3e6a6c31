using Prognos.Datastores;
using Prognos.Errors;
using static Prognos.Storage.Relational.DbCommands;

namespace Prognos.Storage.Relational;

/// <summary>Datastores on the workspace's relational database; secrets are stored as given (already encrypted).</summary>
internal sealed class RelationalDatastoreStore(RelationalDatabase db) : IDatastoreStore
{
    public async Task<Datastore> CreateDatastoreAsync(Datastore datastore, byte[]? encryptedSecret, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null,
            "INSERT INTO datastores (name, kind, location, secret, description, creation_time) VALUES (@n, @k, @l, @s, @d, @t)",
            ("n", datastore.Name), ("k", datastore.Kind.ToString().ToLowerInvariant()), ("l", datastore.Location),
            ("s", (object?)encryptedSecret ?? DBNull.Value), ("d", (object?)datastore.Description ?? DBNull.Value), ("t", datastore.CreationTime));
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (System.Data.Common.DbException ex) when (db.IsUniqueViolation(ex))
        {
            throw PrognosException.AlreadyExists($"A datastore named '{datastore.Name}' already exists; delete it first or choose another name.");
        }

        return datastore;
    }

    public async Task<(Datastore Datastore, byte[]? EncryptedSecret)?> FindDatastoreAsync(string name, CancellationToken cancellationToken = default)
    {
        var rows = await ReadAsync("WHERE name = @n", name, cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    public async Task<IReadOnlyList<Datastore>> ListDatastoresAsync(CancellationToken cancellationToken = default) =>
        (await ReadAsync("", null, cancellationToken).ConfigureAwait(false)).Select(r => r.Datastore).ToList();

    public async Task DeleteDatastoreAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, "DELETE FROM datastores WHERE name = @n", ("n", name));
        if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
        {
            throw PrognosException.NotFound($"No datastore named '{name}'; list them with 'prognos datastore list'.");
        }
    }

    private async Task<List<(Datastore Datastore, byte[]? EncryptedSecret)>> ReadAsync(string where, string? name, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null,
            $"SELECT name, kind, location, secret, description, creation_time FROM datastores {where} ORDER BY name", name is null ? [] : [("n", name)]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var list = new List<(Datastore, byte[]?)>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var secret = reader.IsDBNull(3) ? null : (byte[])reader.GetValue(3);
            list.Add((new Datastore(reader.GetString(0), Enum.Parse<DatastoreKind>(reader.GetString(1), ignoreCase: true), reader.GetString(2),
                secret is not null, reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetInt64(5)), secret));
        }

        return list;
    }
}
