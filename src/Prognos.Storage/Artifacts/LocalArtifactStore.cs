using Prognos.Artifacts;
using Prognos.Errors;

namespace Prognos.Storage.Artifacts;

/// <summary>Artifacts as plain files under one folder (the workspace's <c>artifacts/</c>), easy to inspect.</summary>
internal sealed class LocalArtifactStore(string rootFolder) : IArtifactStore
{
    private readonly string _rootFolder = Path.GetFullPath(rootFolder);

    public string RootFolder => _rootFolder;

    public async Task WriteAsync(string root, string path, Stream content, CancellationToken cancellationToken = default)
    {
        var target = Resolve(root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        // Write beside the target, then move: a reader never sees half a file.
        var temporary = target + ".partial-" + Guid.NewGuid().ToString("N")[..8];
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await content.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
            }

            File.Move(temporary, target, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    public async Task AppendTextAsync(string root, string path, string text, CancellationToken cancellationToken = default)
    {
        var target = Resolve(root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        await File.AppendAllTextAsync(target, text, cancellationToken).ConfigureAwait(false);
    }

    public Task<IReadOnlyList<ArtifactEntry>> ListAsync(string root, string? path, CancellationToken cancellationToken = default)
    {
        var baseFolder = Resolve(root, null);
        var folder = string.IsNullOrEmpty(path) ? baseFolder : Resolve(root, path);
        if (!Directory.Exists(folder))
        {
            return Task.FromResult<IReadOnlyList<ArtifactEntry>>([]);
        }

        var entries = new List<ArtifactEntry>();
        foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            if (entry.Name.Contains(".partial-", StringComparison.Ordinal))
            {
                continue;
            }

            var relative = Path.GetRelativePath(baseFolder, entry.FullName).Replace(Path.DirectorySeparatorChar, '/');
            entries.Add(entry is FileInfo file ? new ArtifactEntry(relative, false, file.Length) : new ArtifactEntry(relative, true, null));
        }

        return Task.FromResult<IReadOnlyList<ArtifactEntry>>(entries);
    }

    public Task<Stream> OpenReadAsync(string root, string path, CancellationToken cancellationToken = default)
    {
        var target = Resolve(root, path);
        if (!File.Exists(target))
        {
            throw PrognosException.NotFound($"No artifact '{path}'; list the run's artifacts with 'prognos artifact list --run RUN_ID'.");
        }

        return Task.FromResult<Stream>(new FileStream(target, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 81920, useAsync: true));
    }

    public Task<bool> ExistsAsync(string root, string path, CancellationToken cancellationToken = default) =>
        Task.FromResult(File.Exists(Resolve(root, path)));

    public Task DeleteRootAsync(string root, CancellationToken cancellationToken = default)
    {
        var folder = Resolve(root, null);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        // The run folder holds only "artifacts/"; remove it too when now empty.
        var parent = Path.GetDirectoryName(folder);
        if (parent is not null && parent.StartsWith(_rootFolder, StringComparison.Ordinal) && parent != _rootFolder
            && Directory.Exists(parent) && !Directory.EnumerateFileSystemEntries(parent).Any())
        {
            Directory.Delete(parent);
        }

        return Task.CompletedTask;
    }

    /// <summary>Size in bytes of everything under a root (0 when missing).</summary>
    public long SizeOf(string root)
    {
        var folder = Resolve(root, null);
        return Directory.Exists(folder) ? new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length) : 0;
    }

    private string Resolve(string root, string? path)
    {
        var relative = string.IsNullOrEmpty(path) ? root : $"{root}/{path}";
        if (relative.Contains('\\') || relative.Split('/').Any(part => part is ".." or "."))
        {
            throw PrognosException.InvalidParameter($"Artifact path '{path}' is not allowed: use '/'-separated relative paths without '.' or '..'.");
        }

        var full = Path.GetFullPath(Path.Combine(_rootFolder, relative.TrimStart('/')));
        if (!full.StartsWith(_rootFolder + Path.DirectorySeparatorChar, StringComparison.Ordinal) && full != _rootFolder)
        {
            throw PrognosException.InvalidParameter($"Artifact path '{path}' escapes the artifact store; use a relative path.");
        }

        return full;
    }
}
