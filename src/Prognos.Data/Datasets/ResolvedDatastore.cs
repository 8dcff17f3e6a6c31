namespace Prognos.Data.Datasets;

/// <summary>
/// A datastore ready to read: a folder (<see cref="FolderPath"/>), or a database that can export a table to CSV
/// (<see cref="ExportTableAsync"/>: table name, target file).
/// </summary>
public sealed record ResolvedDatastore(string? FolderPath, Func<string, string, CancellationToken, Task>? ExportTableAsync);
