namespace Prognos.Datastores;

/// <summary>Persists datastores; secrets arrive and leave encrypted (the store never sees them in clear).</summary>
public interface IDatastoreStore
{
    Task<Datastore> CreateDatastoreAsync(Datastore datastore, byte[]? encryptedSecret, CancellationToken cancellationToken = default);

    Task<(Datastore Datastore, byte[]? EncryptedSecret)?> FindDatastoreAsync(string name, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Datastore>> ListDatastoresAsync(CancellationToken cancellationToken = default);

    Task DeleteDatastoreAsync(string name, CancellationToken cancellationToken = default);
}
