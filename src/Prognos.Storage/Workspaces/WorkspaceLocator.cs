using Prognos.Errors;

namespace Prognos.Storage.Workspaces;

/// <summary>
/// Finds the workspace to use: <c>--workspace DIR</c>, else <c>PROGNOS_WORKSPACE</c>, else the nearest folder
/// upwards from the current one that holds a <c>prognos.yaml</c>. Inputs are passed in; nothing is read here.
/// </summary>
public static class WorkspaceLocator
{
    public const string EnvironmentVariable = "PROGNOS_WORKSPACE";

    public static string Locate(string? explicitFolder, string? environmentFolder, string currentFolder)
    {
        if (!string.IsNullOrWhiteSpace(explicitFolder))
        {
            return RequireWorkspace(explicitFolder, "--workspace");
        }

        if (!string.IsNullOrWhiteSpace(environmentFolder))
        {
            return RequireWorkspace(environmentFolder, EnvironmentVariable);
        }

        for (var folder = new DirectoryInfo(Path.GetFullPath(currentFolder)); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, WorkspaceSettings.FileName)))
            {
                return folder.FullName;
            }
        }

        throw PrognosException.NotFound(
            $"No Prognos workspace here: no {WorkspaceSettings.FileName} in '{currentFolder}' or above. Run 'prognos init', pass --workspace DIR, or set {EnvironmentVariable}.");
    }

    private static string RequireWorkspace(string folder, string source)
    {
        var full = Path.GetFullPath(folder);
        if (!File.Exists(Path.Combine(full, WorkspaceSettings.FileName)))
        {
            throw PrognosException.NotFound($"{source} points at '{full}', which is not a Prognos workspace (no {WorkspaceSettings.FileName}); create it with 'prognos init {folder}'.");
        }

        return full;
    }
}
