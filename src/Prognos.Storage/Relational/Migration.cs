namespace Prognos.Storage.Relational;

/// <summary>
/// One versioned schema change. SQL is shared by both databases; <c>{id}</c> becomes each dialect's
/// auto-incrementing key and <c>{real}</c> its double type.
/// </summary>
internal sealed record Migration(int Version, string Description, string Sql);
