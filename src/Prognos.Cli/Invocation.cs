using System.CommandLine;
using Prognos.Cli.Output;
using Prognos.Workspaces;

namespace Prognos.Cli;

/// <summary>One command being run: its parsed arguments, the open workspace and where to print.</summary>
internal sealed record Invocation(ParseResult Parse, IWorkspace Workspace, Renderer Output, CliContext Context, CancellationToken CancellationToken)
{
    public T Get<T>(Option<T> option) => Parse.GetValue(option)!;

    public T Get<T>(Argument<T> argument) => Parse.GetValue(argument)!;
}
