namespace Prognos.Storage.Workspaces;

/// <summary>The metadata databases Prognos runs on.</summary>
public enum StoreKind
{
    Sqlite,
    Postgres,
}
