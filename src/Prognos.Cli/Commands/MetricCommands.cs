using System.CommandLine;
using System.Globalization;
using Prognos.Cli.Output;

namespace Prognos.Cli.Commands;

internal static class MetricCommands
{
    public static Command Create(CommandRunner runner)
    {
        var command = new Command("metric", "Read metric histories");
        var runId = new Argument<string>("run-id") { Description = "The run's id" };
        var key = new Argument<string>("key") { Description = "Metric key" };
        var history = new Command("history", "Every logged point of one metric, by step") { runId, key };
        runner.Bind(history, async call =>
        {
            var points = await call.Workspace.GetMetricHistoryAsync(call.Get(runId), call.Get(key), call.CancellationToken);
            call.Output.Emit(new { run_id = call.Get(runId), key = call.Get(key), metrics = points.Select(Views.Of).ToList() }, () =>
                call.Output.Table(["STEP", "VALUE", "TIMESTAMP"], points.Select(p => (IReadOnlyList<string>)
                    [p.Step.ToString(CultureInfo.InvariantCulture), Views.Number(p.Value), Views.Time(p.Timestamp)])));
            return 0;
        });
        command.Subcommands.Add(history);
        return command;
    }
}
