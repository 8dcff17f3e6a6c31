// A separate process for the storage tests: logs to a workspace so that tests can run several at once
// or kill one mid-write. Usage:
//   log WORKSPACE EXPERIMENT POINTS      buffered SDK logging; prints "flushed N" after every flush
//   batches WORKSPACE EXPERIMENT RUNS    creates RUNS runs, each with a batch of params, tags and metrics
using Prognos.Storage.Workspaces;
using Prognos.Tracking;
using Prognos.Workspaces;

var mode = args[0];
await using var workspace = await LocalWorkspace.OpenAsync(args[1]);
var experiment = args[2];
var count = int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture);

if (mode == "log")
{
    await using var run = await workspace.StartRunAsync(experiment, "crash-test");
    Console.WriteLine($"run {run.RunId}");
    for (var i = 0; i < count; i++)
    {
        await run.LogMetricAsync("x", i, step: i);
        if ((i + 1) % 1000 == 0)
        {
            await run.FlushAsync();
            Console.WriteLine($"flushed {i + 1}");
        }
    }

    return 0;
}

var exp = await workspace.GetOrCreateExperimentAsync(experiment);
for (var r = 0; r < count; r++)
{
    var run = await workspace.CreateRunAsync(new CreateRunRequest(exp.ExperimentId));
    await workspace.LogBatchAsync(run.Info.RunId, new LogBatch(
        Enumerable.Range(0, 200).Select(i => new Metric("loss", i, i, i)).ToList(),
        new Dictionary<string, string> { ["pid"] = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        new Dictionary<string, string> { ["k"] = "v" }));
    await workspace.UpdateRunAsync(run.Info.RunId, new RunUpdate(RunStatus.Finished));
}

Console.WriteLine("ok");
return 0;
