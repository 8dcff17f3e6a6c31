using System.CommandLine;
using Prognos.Cli.Commands;

namespace Prognos.Cli;

/// <summary>The <c>prognos</c> command tree: <c>prognos &lt;noun&gt; &lt;verb&gt;</c>.</summary>
internal static class CliApp
{
    public static RootCommand Build(CliContext context)
    {
        var runner = new CommandRunner(context);
        var root = new RootCommand("Prognos: a self-hosted ML lifecycle platform for time series and IoT telemetry.");
        root.Options.Add(GlobalOptions.Workspace);
        root.Options.Add(GlobalOptions.Json);
        root.Subcommands.Add(InitCommand.Create(runner));
        root.Subcommands.Add(ExperimentCommands.Create(runner));
        root.Subcommands.Add(RunCommands.Create(runner));
        root.Subcommands.Add(MetricCommands.Create(runner));
        root.Subcommands.Add(ArtifactCommands.Create(runner));
        root.Subcommands.Add(DatastoreCommands.Create(runner));
        root.Subcommands.Add(DatasetCommands.Create(runner));
        root.Subcommands.Add(PrepCommands.Create(runner));
        root.Subcommands.Add(SampleCommands.Create(runner));
        root.Subcommands.Add(QuickstartCommand.Create(runner));
        root.Subcommands.Add(ForecastCommands.Create(runner));
        return root;
    }

    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken = default)
    {
        var parse = Build(context).Parse(args);
        return await parse.InvokeAsync(new InvocationConfiguration { Output = context.Out, Error = context.Error }, cancellationToken).ConfigureAwait(false);
    }
}
