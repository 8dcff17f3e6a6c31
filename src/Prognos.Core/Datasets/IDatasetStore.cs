namespace Prognos.Datasets;

/// <summary>Persists dataset versions and their lineage. Implementations: SQLite and PostgreSQL (Prognos.Storage).</summary>
public interface IDatasetStore
{
    /// <summary>
    /// Records a new version (number = newest + 1) atomically, or returns the existing version with the same
    /// content hash (<c>Created</c> false). Lineage to <see cref="NewDatasetVersion.InputVersions"/> is recorded with it.
    /// </summary>
    Task<(DatasetVersion Version, bool Created)> RegisterVersionAsync(NewDatasetVersion version, CancellationToken cancellationToken = default);

    /// <summary>A version, or the newest when <paramref name="version"/> is null; null when missing.</summary>
    Task<DatasetVersion?> FindVersionAsync(string name, int? version, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<DatasetSummary>> ListDatasetsAsync(CancellationToken cancellationToken = default);

    Task<IReadOnlyList<DatasetVersion>> ListVersionsAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>The <c>name:version</c> references a version was derived from.</summary>
    Task<IReadOnlyList<string>> GetInputsAsync(string name, int version, CancellationToken cancellationToken = default);
}
