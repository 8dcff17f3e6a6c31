using System.CommandLine;
using Prognos.Storage.Workspaces;

namespace Prognos.Cli.Commands;

internal static class InitCommand
{
    public static Command Create(CommandRunner runner)
    {
        var folder = new Argument<string?>("dir") { Description = "Folder for the new workspace (default: the current folder)", Arity = ArgumentArity.ZeroOrOne };
        var store = new Option<string?>("--store") { Description = "Metadata store URI: sqlite:prognos.db (default) or postgresql://user@host:5432/db[?schema=name]" };
        var command = new Command("init", "Create a workspace: prognos.yaml, a metadata store and an artifacts/ folder") { folder, store };
        runner.BindWithoutWorkspace(command, async call =>
        {
            var target = Path.GetFullPath(call.Get(folder) ?? ".", call.Context.CurrentFolder);
            await using var workspace = await LocalWorkspace.InitAsync(target, call.Get(store), runner.CliWorkspaceOptions(), call.CancellationToken);
            call.Output.Emit(
                new { workspace = workspace.Folder, store = workspace.StoreDescription, artifacts = workspace.ArtifactFolder },
                () =>
                {
                    call.Output.Line($"Created workspace {workspace.Folder}");
                    call.Output.Line($"  store:     {workspace.StoreDescription}");
                    call.Output.Line($"  artifacts: {workspace.ArtifactFolder}");
                    call.Output.Line("Next: prognos experiment create NAME, or prognos quickstart.");
                });
            return 0;
        });
        return command;
    }
}
