using Prognos.Cli;

return await CliApp.RunAsync(args, CliContext.FromProcess());
