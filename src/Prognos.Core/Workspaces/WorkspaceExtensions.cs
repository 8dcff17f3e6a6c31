using Prognos.Artifacts;
using Prognos.Tracking;

namespace Prognos.Workspaces;

/// <summary>The SDK's conveniences over <see cref="IWorkspace"/>; they work the same on local and remote workspaces.</summary>
public static class WorkspaceExtensions
{
    /// <summary>Starts a run in the named experiment (created when missing) and returns it ready for logging.</summary>
    public static async Task<ActiveRun> StartRunAsync(this IWorkspace workspace, string experimentName, string? runName = null, string? parentRunId = null, TimeProvider? clock = null, CancellationToken cancellationToken = default)
    {
        var experiment = await workspace.GetOrCreateExperimentAsync(experimentName, cancellationToken).ConfigureAwait(false);
        return await workspace.StartRunInExperimentAsync(experiment.ExperimentId, runName, parentRunId, clock ?? TimeProvider.System, cancellationToken).ConfigureAwait(false);
    }

    internal static async Task<ActiveRun> StartRunInExperimentAsync(this IWorkspace workspace, string experimentId, string? runName, string? parentRunId, TimeProvider clock, CancellationToken cancellationToken)
    {
        var run = await workspace.CreateRunAsync(new CreateRunRequest(experimentId, runName, parentRunId), cancellationToken).ConfigureAwait(false);
        return new ActiveRun(workspace, run, clock);
    }

    /// <summary>Uploads a local file, or every file under a local folder, into the run's artifacts.</summary>
    public static async Task<int> UploadArtifactsAsync(this IWorkspace workspace, string runId, string localPath, string? artifactPath = null, CancellationToken cancellationToken = default)
    {
        if (File.Exists(localPath))
        {
            var target = JoinArtifactPath(artifactPath, Path.GetFileName(localPath));
            await using var file = File.OpenRead(localPath);
            await workspace.LogArtifactAsync(runId, target, file, cancellationToken).ConfigureAwait(false);
            return 1;
        }

        if (!Directory.Exists(localPath))
        {
            throw Errors.PrognosException.InvalidParameter($"'{localPath}' is neither a file nor a folder; give the path of what to upload.");
        }

        var count = 0;
        foreach (var file in Directory.EnumerateFiles(localPath, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(localPath, file).Replace(Path.DirectorySeparatorChar, '/');
            await using var stream = File.OpenRead(file);
            await workspace.LogArtifactAsync(runId, JoinArtifactPath(artifactPath, relative), stream, cancellationToken).ConfigureAwait(false);
            count++;
        }

        return count;
    }

    /// <summary>Downloads an artifact file or folder (null for all) into <paramref name="destination"/>; returns the files written.</summary>
    public static async Task<IReadOnlyList<string>> DownloadArtifactsAsync(this IWorkspace workspace, string runId, string? path, string destination, CancellationToken cancellationToken = default)
    {
        var written = new List<string>();
        var entries = await workspace.ListArtifactsAsync(runId, path, cancellationToken).ConfigureAwait(false);
        if (entries.Count == 0 && path is not null)
        {
            // A file, not a folder: download it alone.
            var target = Path.Combine(destination, path.Split('/')[^1]);
            await CopyArtifactAsync(workspace, runId, path, target, cancellationToken).ConfigureAwait(false);
            written.Add(target);
            return written;
        }

        var pending = new Queue<ArtifactEntry>(entries);
        while (pending.TryDequeue(out var entry))
        {
            var relative = path is null ? entry.Path : entry.Path[(path.TrimEnd('/').Length + 1)..];
            if (entry.IsDirectory)
            {
                foreach (var child in await workspace.ListArtifactsAsync(runId, entry.Path, cancellationToken).ConfigureAwait(false))
                {
                    pending.Enqueue(child);
                }

                continue;
            }

            var target = Path.Combine(destination, relative.Replace('/', Path.DirectorySeparatorChar));
            await CopyArtifactAsync(workspace, runId, entry.Path, target, cancellationToken).ConfigureAwait(false);
            written.Add(target);
        }

        return written;
    }

    private static async Task CopyArtifactAsync(IWorkspace workspace, string runId, string path, string target, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(target))!);
        await using var source = await workspace.OpenArtifactAsync(runId, path, cancellationToken).ConfigureAwait(false);
        await using var file = File.Create(target);
        await source.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
    }

    private static string JoinArtifactPath(string? folder, string name) =>
        string.IsNullOrEmpty(folder) ? name : $"{folder.TrimEnd('/')}/{name}";
}
