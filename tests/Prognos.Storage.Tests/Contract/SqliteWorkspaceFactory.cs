using Prognos.Storage.Workspaces;
using Prognos.Workspaces;

namespace Prognos.Storage.Tests.Contract;

public sealed class SqliteWorkspaceFactory : IWorkspaceFactory
{
    private readonly List<string> _folders = [];
    private readonly List<IWorkspace> _open = [];

    public string? SkipReason => null;

    public async Task<IWorkspace> CreateAsync()
    {
        var folder = TempFolder.Create("ws");
        _folders.Add(folder);
        var workspace = await LocalWorkspace.InitAsync(folder, null, TestOptions.Default);
        _open.Add(workspace);
        return workspace;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var workspace in _open)
        {
            await workspace.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var folder in _folders)
        {
            TempFolder.Delete(folder);
        }
    }
}
