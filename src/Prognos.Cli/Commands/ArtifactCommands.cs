using System.CommandLine;
using Prognos.Cli.Output;
using Prognos.Workspaces;

namespace Prognos.Cli.Commands;

internal static class ArtifactCommands
{
    public static Command Create(CommandRunner runner)
    {
        var command = new Command("artifact", "Upload, list and download a run's artifacts (files and folders)");
        var runId = new Option<string>("--run", "-r") { Description = "The run's id", Required = true };
        var path = new Argument<string?>("path") { Description = "Artifact path inside the run (default: the root)", Arity = ArgumentArity.ZeroOrOne };

        var list = new Command("list", "List the artifacts under a path") { runId, path };
        runner.Bind(list, async call =>
        {
            var entries = await call.Workspace.ListArtifactsAsync(call.Get(runId), call.Get(path), call.CancellationToken);
            call.Output.Emit(new { run_id = call.Get(runId), files = entries.Select(Views.Of).ToList() }, () =>
                call.Output.Table(["PATH", "TYPE", "SIZE"], entries.Select(e => (IReadOnlyList<string>)
                    [e.Path, e.IsDirectory ? "dir" : "file", e.Size is { } s ? s.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) : ""])));
            return 0;
        });

        var local = new Argument<string>("local-path") { Description = "A local file or folder" };
        var artifactPath = new Option<string?>("--artifact-path") { Description = "Folder inside the run to put it under (default: the root)" };
        var upload = new Command("upload", "Upload a file or a folder into the run's artifacts") { runId, local, artifactPath };
        runner.Bind(upload, async call =>
        {
            var source = Path.GetFullPath(call.Get(local), call.Context.CurrentFolder);
            var count = await call.Workspace.UploadArtifactsAsync(call.Get(runId), source, call.Get(artifactPath), call.CancellationToken);
            call.Output.Emit(new { run_id = call.Get(runId), uploaded_files = count }, () => call.Output.Line($"Uploaded {count} file(s) to run {call.Get(runId)}"));
            return 0;
        });

        var output = new Option<string>("--out", "-o") { Description = "Destination folder (default: the current folder)", DefaultValueFactory = _ => "." };
        var download = new Command("download", "Download an artifact file or folder (default: everything)") { runId, path, output };
        runner.Bind(download, async call =>
        {
            var destination = Path.GetFullPath(call.Get(output), call.Context.CurrentFolder);
            var files = await call.Workspace.DownloadArtifactsAsync(call.Get(runId), call.Get(path), destination, call.CancellationToken);
            call.Output.Emit(new { run_id = call.Get(runId), files }, () => call.Output.Line($"Downloaded {files.Count} file(s) to {destination}"));
            return 0;
        });

        command.Subcommands.Add(list);
        command.Subcommands.Add(upload);
        command.Subcommands.Add(download);
        return command;
    }
}
