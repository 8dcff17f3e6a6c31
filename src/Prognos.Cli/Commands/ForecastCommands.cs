using System.CommandLine;

namespace Prognos.Cli.Commands;

/// <summary><c>prognos forecast train|predict|evaluate</c>: the forecasting zoo on your own CSV files, tracked as runs.</summary>
internal static class ForecastCommands
{
    public static Command Create(CommandRunner runner)
    {
        var command = new Command("forecast", "Train, cross-validate and compare forecasters on a CSV; predict and evaluate with the saved models");
        command.Subcommands.Add(ForecastTrainCommand.Create(runner));
        command.Subcommands.Add(ForecastPredictCommand.Create(runner));
        command.Subcommands.Add(ForecastEvaluateCommand.Create(runner));
        return command;
    }
}
