namespace Prognos.Datastores;

/// <summary>What a datastore connects to.</summary>
public enum DatastoreKind
{
    Folder,
    Sqlite,
    Postgresql,
}
