namespace Prognos.Artifacts;

/// <summary>
/// Stores artifact bytes under a root (a run's artifact folder, e.g. <c>1/ab12.../artifacts</c>).
/// Paths are relative, '/'-separated and may not escape the root.
/// </summary>
public interface IArtifactStore
{
    Task WriteAsync(string root, string path, Stream content, CancellationToken cancellationToken = default);

    Task AppendTextAsync(string root, string path, string text, CancellationToken cancellationToken = default);

    /// <summary>The entries directly under <paramref name="path"/> (null for the root); empty when missing.</summary>
    Task<IReadOnlyList<ArtifactEntry>> ListAsync(string root, string? path, CancellationToken cancellationToken = default);

    /// <summary>Opens a file for reading; <see cref="Errors.ErrorCode.ResourceDoesNotExist"/> when missing.</summary>
    Task<Stream> OpenReadAsync(string root, string path, CancellationToken cancellationToken = default);

    Task<bool> ExistsAsync(string root, string path, CancellationToken cancellationToken = default);

    /// <summary>Removes everything under the root.</summary>
    Task DeleteRootAsync(string root, CancellationToken cancellationToken = default);
}
