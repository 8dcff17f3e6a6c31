namespace Prognos.Datasets;

/// <summary>What a store needs to record a new dataset version; the store assigns the version number.</summary>
public sealed record NewDatasetVersion(
    string Name,
    string ContentHash,
    string SourceFormat,
    string Source,
    string? SnapshotPath,
    string? ReferenceUri,
    long RowCount,
    long SizeBytes,
    IReadOnlyList<DatasetColumn> Columns,
    string? TimeColumn,
    string? SeriesIdColumn,
    string? Description,
    string? RunId,
    string CreatedBy,
    IReadOnlyList<string>? InputVersions = null);
