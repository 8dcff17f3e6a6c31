using System.Data.Common;
using System.Text.Json;
using Prognos.Datasets;
using Prognos.Errors;
using static Prognos.Storage.Relational.DbCommands;

namespace Prognos.Storage.Relational;

/// <summary>Dataset versions and lineage on the workspace's relational database.</summary>
internal sealed class RelationalDatasetStore(RelationalDatabase db, TimeProvider clock) : IDatasetStore
{
    private const string Columns = "name, version, content_hash, source_format, source, snapshot_path, reference_uri, row_count, size_bytes, columns_json, " +
        "time_column, series_id_column, description, run_id, created_by, creation_time";

    public async Task<(DatasetVersion Version, bool Created)> RegisterVersionAsync(NewDatasetVersion version, CancellationToken cancellationToken = default)
    {
        // Two processes may register the same name at once: the loser of the unique index retries once.
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await TryRegisterAsync(version, cancellationToken).ConfigureAwait(false);
            }
            catch (DbException ex) when (db.IsUniqueViolation(ex) && attempt == 0)
            {
            }
        }
    }

    private async Task<(DatasetVersion, bool)> TryRegisterAsync(NewDatasetVersion v, CancellationToken cancellationToken)
    {
        var inputs = (v.InputVersions ?? []).Select(r => DatasetReference.Parse(r, "input")).ToList();
        await using var connection = await db.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await db.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var existing = await ReadAsync(connection, transaction, "name = @n AND content_hash = @h", [("n", v.Name), ("h", v.ContentHash)], cancellationToken).ConfigureAwait(false);
        if (existing.Count > 0)
        {
            return (existing[0], false);
        }

        foreach (var input in inputs)
        {
            if (input.Version is null || (await ReadAsync(connection, transaction, "name = @n AND version = @v", [("n", input.Name), ("v", input.Version.Value)], cancellationToken).ConfigureAwait(false)).Count == 0)
            {
                throw PrognosException.NotFound($"Lineage input '{input}' is not a registered dataset version; inputs are NAME:VERSION of existing versions.");
            }
        }

        await using (var upsert = Command(connection, transaction,
            "INSERT INTO datasets (name, creation_time, last_update_time) VALUES (@n, @t, @t) ON CONFLICT (name) DO UPDATE SET last_update_time = excluded.last_update_time",
            ("n", v.Name), ("t", now)))
        {
            await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        int number;
        await using (var max = Command(connection, transaction, "SELECT COALESCE(MAX(version), 0) FROM dataset_versions WHERE name = @n", ("n", v.Name)))
        {
            number = Convert.ToInt32(await max.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) + 1;
        }

        await using (var insert = Command(connection, transaction,
            $"INSERT INTO dataset_versions ({Columns}) VALUES (@n, @v, @h, @f, @s, @sp, @r, @rows, @size, @cols, @tc, @sc, @d, @run, @by, @t)",
            ("n", v.Name), ("v", number), ("h", v.ContentHash), ("f", v.SourceFormat), ("s", v.Source), ("sp", Db(v.SnapshotPath)), ("r", Db(v.ReferenceUri)),
            ("rows", v.RowCount), ("size", v.SizeBytes), ("cols", JsonSerializer.Serialize(v.Columns)), ("tc", Db(v.TimeColumn)), ("sc", Db(v.SeriesIdColumn)),
            ("d", Db(v.Description)), ("run", Db(v.RunId)), ("by", v.CreatedBy), ("t", now)))
        {
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        foreach (var input in inputs.DistinctBy(i => i.ToString()))
        {
            await using var lineage = Command(connection, transaction,
                "INSERT INTO dataset_lineage (name, version, input_name, input_version) VALUES (@n, @v, @in, @iv)",
                ("n", v.Name), ("v", number), ("in", input.Name), ("iv", input.Version!.Value));
            await lineage.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return (new DatasetVersion(v.Name, number, v.ContentHash, v.SourceFormat, v.Source, v.SnapshotPath, v.ReferenceUri, v.RowCount, v.SizeBytes,
            v.Columns, v.TimeColumn, v.SeriesIdColumn, v.Description, v.RunId, v.CreatedBy, now), true);
    }

    public async Task<DatasetVersion?> FindVersionAsync(string name, int? version, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = version is { } number
            ? await ReadAsync(connection, null, "name = @n AND version = @v", [("n", name), ("v", number)], cancellationToken).ConfigureAwait(false)
            : await ReadAsync(connection, null, "name = @n AND version = (SELECT MAX(version) FROM dataset_versions WHERE name = @n)", [("n", name)], cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    public async Task<IReadOnlyList<DatasetSummary>> ListDatasetsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null,
            "SELECT d.name, MAX(v.version), COUNT(v.version), d.last_update_time FROM datasets d JOIN dataset_versions v ON v.name = d.name GROUP BY d.name, d.last_update_time ORDER BY d.name");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var list = new List<DatasetSummary>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(new DatasetSummary(reader.GetString(0), Convert.ToInt32(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture),
                Convert.ToInt32(reader.GetValue(2), System.Globalization.CultureInfo.InvariantCulture), reader.GetInt64(3)));
        }

        return list;
    }

    public async Task<IReadOnlyList<DatasetVersion>> ListVersionsAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await ReadAsync(connection, null, "name = @n", [("n", name)], cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<string>> GetInputsAsync(string name, int version, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null,
            "SELECT input_name, input_version FROM dataset_lineage WHERE name = @n AND version = @v ORDER BY input_name, input_version", ("n", name), ("v", version));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var inputs = new List<string>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            inputs.Add($"{reader.GetString(0)}:{Convert.ToInt32(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture)}");
        }

        return inputs;
    }

    private static async Task<List<DatasetVersion>> ReadAsync(DbConnection connection, DbTransaction? transaction, string where, (string, object)[] args, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, $"SELECT {Columns} FROM dataset_versions WHERE {where} ORDER BY version", args);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var list = new List<DatasetVersion>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(new DatasetVersion(
                reader.GetString(0), Convert.ToInt32(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                Text(reader, 5), Text(reader, 6), reader.GetInt64(7), reader.GetInt64(8),
                JsonSerializer.Deserialize<List<DatasetColumn>>(reader.GetString(9)) ?? [],
                Text(reader, 10), Text(reader, 11), Text(reader, 12), Text(reader, 13), reader.GetString(14), reader.GetInt64(15)));
        }

        return list;
    }

    private static string? Text(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static object Db(string? value) => (object?)value ?? DBNull.Value;
}
