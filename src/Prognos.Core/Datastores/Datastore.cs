namespace Prognos.Datastores;

/// <summary>
/// A named connection kept in the workspace. <see cref="Location"/> is safe to show (a folder, a file, or a
/// PostgreSQL URI with the password replaced by ***); the credentials are stored encrypted and never returned here.
/// </summary>
public sealed record Datastore(string Name, DatastoreKind Kind, string Location, bool HasCredentials, string? Description, long CreationTime);
