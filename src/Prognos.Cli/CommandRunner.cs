using System.CommandLine;
using Prognos.Cli.Output;
using Prognos.Errors;
using Prognos.Storage.Workspaces;
using Prognos.Workspaces;

namespace Prognos.Cli;

/// <summary>
/// Runs one command's body with the shared conventions: find and open the workspace, map
/// <see cref="PrognosException"/> to its exit code (1 user error, 2 internal) and print errors as text or JSON.
/// </summary>
internal sealed class CommandRunner(CliContext context)
{
    public CliContext Context => context;

    /// <summary>Binds a command's action to a body that needs an open workspace.</summary>
    public void Bind(Command command, Func<Invocation, Task<int>> body) =>
        command.SetAction((parse, cancellationToken) => RunAsync(parse, cancellationToken, needsWorkspace: true, body));

    /// <summary>Binds a command's action to a body that opens no workspace (init, quickstart).</summary>
    public void BindWithoutWorkspace(Command command, Func<Invocation, Task<int>> body) =>
        command.SetAction((parse, cancellationToken) => RunAsync(parse, cancellationToken, needsWorkspace: false, body));

    private async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken, bool needsWorkspace, Func<Invocation, Task<int>> body)
    {
        var json = parse.GetValue(GlobalOptions.Json);
        var renderer = new Renderer(context, json);
        IWorkspace? workspace = null;
        try
        {
            if (needsWorkspace)
            {
                var folder = WorkspaceLocator.Locate(parse.GetValue(GlobalOptions.Workspace), context.GetEnvironment(WorkspaceLocator.EnvironmentVariable), context.CurrentFolder);
                workspace = await LocalWorkspace.OpenAsync(folder, CliWorkspaceOptions(), cancellationToken).ConfigureAwait(false);
            }

            return await body(new Invocation(parse, workspace!, renderer, context, cancellationToken)).ConfigureAwait(false);
        }
        catch (PrognosException ex)
        {
            renderer.Error(ex.Code, ex.Message);
            return ex.Code.ExitCode();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            renderer.Error(ErrorCode.InvalidState, "Cancelled.");
            return 130;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            renderer.Error(ErrorCode.InvalidParameterValue, ex.Message);
            return 1;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            renderer.Error(ErrorCode.InternalError, $"{ex.GetType().Name}: {ex.Message}. This is a bug in Prognos; please report it with the command you ran.");
            return 2;
        }
        finally
        {
            if (workspace is not null)
            {
                await workspace.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    public LocalWorkspaceOptions CliWorkspaceOptions() => new()
    {
        Clock = context.Clock,
        SystemTags = RunSourceTags.Detect(context.CurrentFolder),
    };
}
