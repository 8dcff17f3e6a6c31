namespace Prognos.Datasets;

/// <summary>
/// One immutable version of a dataset. A snapshot lives in the artifact store as Parquet
/// (<see cref="SnapshotPath"/>); a reference points at the source (<see cref="ReferenceUri"/>) and records its
/// hash so that a changed source is refused. Times are ms since the epoch.
/// </summary>
public sealed record DatasetVersion(
    string Name,
    int Version,
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
    long CreationTime)
{
    /// <summary><c>name:version</c>, the reference form every command takes.</summary>
    public string Reference => $"{Name}:{Version}";

    public bool IsReference => ReferenceUri is not null;
}
