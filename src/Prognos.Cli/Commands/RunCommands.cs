using System.CommandLine;
using System.Diagnostics;
using Prognos.Cli.Output;
using Prognos.Errors;
using Prognos.Tracking;
using Prognos.Workspaces;

namespace Prognos.Cli.Commands;

internal static class RunCommands
{
    public static Command Create(CommandRunner runner)
    {
        var command = new Command("run", "Create, inspect, search, compare, log to, delete, restore and garbage-collect runs");
        var runId = new Argument<string>("run-id") { Description = "The run's 32-character id" };
        var experiment = new Option<string>("--experiment", "-e") { Description = "Experiment id or name", Required = true };
        var experiments = new Option<string[]>("--experiment", "-e") { Description = "Experiment id or name (repeatable)", Required = true };
        var maxResults = new Option<int>("--max-results") { Description = "Page size (1..50000)", DefaultValueFactory = _ => RunSearchQuery.DefaultMaxResults };
        var pageToken = new Option<string?>("--page-token") { Description = "Token from the previous page's next_page_token" };
        var orderBy = new Option<string[]>("--order-by") { Description = "Sort key such as 'metrics.rmse ASC' (repeatable)" };
        var deletedOnly = new Option<bool>("--deleted") { Description = "Only deleted runs" };
        var includeDeleted = new Option<bool>("--all") { Description = "Active and deleted runs" };

        var name = new Option<string?>("--name") { Description = "Run name (default: generated)" };
        var parent = new Option<string?>("--parent") { Description = "Parent run id (makes a child run)" };
        var tags = new Option<string[]>("--tag") { Description = "A tag as KEY=VALUE (repeatable)" };
        var create = new Command("create", "Start a run (status RUNNING) and print its id") { experiment, name, parent, tags };
        runner.Bind(create, async call =>
        {
            var exp = await call.Workspace.GetOrCreateExperimentAsync(call.Get(experiment), call.CancellationToken);
            var run = await call.Workspace.CreateRunAsync(new CreateRunRequest(exp.ExperimentId, call.Get(name), call.Get(parent), CommandLineValues.KeyValues(call.Get(tags), "--tag")), call.CancellationToken);
            call.Output.Emit(Views.Of(run), () => call.Output.Line(run.Info.RunId));
            return 0;
        });

        var status = new Option<string>("--status") { Description = "FINISHED, FAILED, KILLED or RUNNING (reopen)", DefaultValueFactory = _ => "FINISHED" };
        var end = new Command("end", "End a run with a status") { runId, status };
        runner.Bind(end, async call =>
        {
            var info = await call.Workspace.UpdateRunAsync(call.Get(runId), new RunUpdate(ParseStatus(call.Get(status))), call.CancellationToken);
            call.Output.Emit(Views.Of(info), () => call.Output.Line($"Run {info.RunId} is {Views.Status(info.Status)}"));
            return 0;
        });

        var list = new Command("list", "List the runs of an experiment, newest first") { experiment, maxResults, pageToken, deletedOnly, includeDeleted };
        runner.Bind(list, call => SearchAsync(call, [call.Get(experiment)], null, [], call.Get(maxResults), call.Get(pageToken), View(call, deletedOnly, includeDeleted)));

        var filter = new Option<string?>("--filter", "-f") { Description = "MLflow filter, e.g. \"metrics.rmse < 10 AND params.model = 'ets'\"" };
        var search = new Command("search", "Search runs across experiments with MLflow's filter grammar") { experiments, filter, orderBy, maxResults, pageToken, deletedOnly, includeDeleted };
        runner.Bind(search, call => SearchAsync(call, call.Get(experiments), call.Get(filter), call.Get(orderBy) ?? [], call.Get(maxResults), call.Get(pageToken), View(call, deletedOnly, includeDeleted)));

        var show = new Command("show", "Show a run: attributes, params, latest metrics and tags") { runId };
        runner.Bind(show, async call =>
        {
            var run = await call.Workspace.GetRunAsync(call.Get(runId), call.CancellationToken);
            call.Output.Emit(Views.Of(run), () => ShowRun(call.Output, run));
            return 0;
        });

        var runIds = new Argument<string[]>("run-ids") { Description = "Two or more run ids", Arity = new ArgumentArity(2, 100) };
        var compare = new Command("compare", "Compare runs side by side: params and latest metrics") { runIds };
        runner.Bind(compare, async call =>
        {
            var runs = new List<Run>();
            foreach (var id in call.Get(runIds))
            {
                runs.Add(await call.Workspace.GetRunAsync(id, call.CancellationToken));
            }

            var paramKeys = runs.SelectMany(r => r.Data.Params.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
            var metricKeys = runs.SelectMany(r => r.Data.Metrics.Select(m => m.Key)).Distinct().Order(StringComparer.Ordinal).ToList();
            call.Output.Emit(new { runs = runs.Select(Views.Of).ToList() }, () =>
            {
                var rows = new List<IReadOnlyList<string>> { (["run name", .. runs.Select(r => r.Info.RunName)]), (["status", .. runs.Select(r => Views.Status(r.Info.Status))]) };
                rows.AddRange(paramKeys.Select(k => (IReadOnlyList<string>)[$"params.{k}", .. runs.Select(r => r.Data.Params.GetValueOrDefault(k, "-"))]));
                rows.AddRange(metricKeys.Select(k => (IReadOnlyList<string>)[$"metrics.{k}", .. runs.Select(r => r.Data.Metric(k) is { } v ? Views.Number(v) : "-")]));
                call.Output.Table(["", .. runs.Select(r => r.Info.RunId[..8])], rows);
            });
            return 0;
        });

        var delete = new Command("delete", "Soft-delete a run (restore with 'run restore'; 'run gc' removes it for good)") { runId };
        runner.Bind(delete, async call =>
        {
            await call.Workspace.DeleteRunAsync(call.Get(runId), call.CancellationToken);
            var run = await call.Workspace.GetRunAsync(call.Get(runId), call.CancellationToken);
            call.Output.Emit(Views.Of(run.Info), () => call.Output.Line($"Deleted run {run.Info.RunId} (restore with: prognos run restore {run.Info.RunId})"));
            return 0;
        });

        var restore = new Command("restore", "Restore a deleted run") { runId };
        runner.Bind(restore, async call =>
        {
            await call.Workspace.RestoreRunAsync(call.Get(runId), call.CancellationToken);
            var run = await call.Workspace.GetRunAsync(call.Get(runId), call.CancellationToken);
            call.Output.Emit(Views.Of(run.Info), () => call.Output.Line($"Restored run {run.Info.RunId}"));
            return 0;
        });

        var olderThan = new Option<string>("--older-than") { Description = "Only runs deleted at least this long ago: 30s, 15m, 12h, 7d, 0", DefaultValueFactory = _ => "0" };
        var gcRunIds = new Option<string[]>("--run-id") { Description = "Only these deleted runs (repeatable)" };
        var gc = new Command("gc", "Remove deleted runs, and runs of deleted experiments, with their artifacts, for good") { olderThan, gcRunIds };
        runner.Bind(gc, async call =>
        {
            var result = await call.Workspace.CollectGarbageAsync(CommandLineValues.Duration(call.Get(olderThan), "--older-than"), call.Get(gcRunIds), call.CancellationToken);
            call.Output.Emit(new { removed_run_ids = result.RemovedRunIds, removed_artifact_bytes = result.RemovedArtifactBytes },
                () => call.Output.Line($"Removed {result.RemovedRunIds.Count} run(s) and {result.RemovedArtifactBytes:N0} bytes of artifacts."));
            return 0;
        });

        var key = new Argument<string>("key") { Description = "Key" };
        var value = new Argument<string>("value") { Description = "Value" };
        var logParam = new Command("log-param", "Log a param (immutable once logged)") { runId, key, value };
        runner.Bind(logParam, async call =>
        {
            await call.Workspace.LogBatchAsync(call.Get(runId), new LogBatch(Params: new Dictionary<string, string> { [call.Get(key)] = call.Get(value) }), call.CancellationToken);
            call.Output.Emit(new { run_id = call.Get(runId), key = call.Get(key), value = call.Get(value) }, () => call.Output.Line($"Logged param {call.Get(key)}={call.Get(value)}"));
            return 0;
        });

        var step = new Option<long>("--step") { Description = "Step (default 0)" };
        var timestamp = new Option<long?>("--timestamp") { Description = "Milliseconds since the epoch (default: now)" };
        var logMetric = new Command("log-metric", "Log one metric point (NaN and Inf accepted)") { runId, key, value, step, timestamp };
        runner.Bind(logMetric, async call =>
        {
            var metric = new Metric(call.Get(key), CommandLineValues.Number(call.Get(value), "value"),
                call.Get(timestamp) ?? call.Context.Clock.GetUtcNow().ToUnixTimeMilliseconds(), call.Get(step));
            await call.Workspace.LogBatchAsync(call.Get(runId), new LogBatch(Metrics: [metric]), call.CancellationToken);
            call.Output.Emit(new { run_id = call.Get(runId), metric = Views.Of(metric) }, () => call.Output.Line($"Logged metric {metric.Key}={Views.Number(metric.Value)} at step {metric.Step}"));
            return 0;
        });

        var setTag = new Command("set-tag", "Set (or overwrite) a run tag") { runId, key, value };
        runner.Bind(setTag, async call =>
        {
            await call.Workspace.LogBatchAsync(call.Get(runId), new LogBatch(Tags: new Dictionary<string, string> { [call.Get(key)] = call.Get(value) }), call.CancellationToken);
            call.Output.Emit(new { run_id = call.Get(runId), key = call.Get(key), value = call.Get(value) }, () => call.Output.Line($"Set tag {call.Get(key)}={call.Get(value)}"));
            return 0;
        });

        var stream = new Option<string>("--stream") { Description = "stdout or stderr", DefaultValueFactory = _ => "stdout" };
        var logs = new Command("logs", "Print a run's captured output") { runId, stream };
        runner.Bind(logs, async call =>
        {
            var path = $"logs/{call.Get(stream)}.log";
            await using var content = await call.Workspace.OpenArtifactAsync(call.Get(runId), path, call.CancellationToken);
            var text = await new StreamReader(content).ReadToEndAsync(call.CancellationToken);
            call.Output.Emit(new { run_id = call.Get(runId), stream = call.Get(stream), text }, () => call.Context.Out.Write(text));
            return 0;
        });

        var commandLine = new Argument<string[]>("command") { Description = "The program and its arguments (after --)", Arity = ArgumentArity.OneOrMore };
        var exec = new Command("exec", "Run a program as a run: its stdout/stderr are captured to the run's logs and its exit code sets the status")
        {
            experiment, name, commandLine,
        };
        runner.Bind(exec, call => ExecAsync(call, call.Get(experiment), call.Get(name), call.Get(commandLine)));

        foreach (var sub in new[] { create, end, list, search, show, compare, delete, restore, gc, logParam, logMetric, setTag, logs, exec })
        {
            command.Subcommands.Add(sub);
        }

        return command;
    }

    private static ViewType View(Invocation call, Option<bool> deletedOnly, Option<bool> includeDeleted) =>
        call.Get(deletedOnly) ? ViewType.DeletedOnly : call.Get(includeDeleted) ? ViewType.All : ViewType.ActiveOnly;

    private static RunStatus ParseStatus(string text) => text.Trim().ToUpperInvariant() switch
    {
        "FINISHED" => RunStatus.Finished,
        "FAILED" => RunStatus.Failed,
        "KILLED" => RunStatus.Killed,
        "RUNNING" => RunStatus.Running,
        _ => throw PrognosException.InvalidParameter($"--status '{text}' is not a run status; use FINISHED, FAILED, KILLED or RUNNING."),
    };

    private static async Task<int> SearchAsync(Invocation call, IReadOnlyList<string> experiments, string? filter, IReadOnlyList<string> orderBy, int maxResults, string? pageToken, ViewType view)
    {
        var page = await call.Workspace.SearchRunsAsync(new RunSearchQuery(experiments, filter, orderBy, maxResults, pageToken, view), call.CancellationToken);
        call.Output.Emit(new Views.RunPageView(page.Runs.Select(Views.Of).ToList(), page.NextPageToken), () =>
        {
            var metricKeys = page.Runs.SelectMany(r => r.Data.Metrics.Select(m => m.Key)).Distinct().Order(StringComparer.Ordinal).Take(6).ToList();
            call.Output.Table(
                ["RUN ID", "NAME", "STATUS", "STARTED", .. metricKeys],
                page.Runs.Select(r => (IReadOnlyList<string>)
                [
                    r.Info.RunId, r.Info.RunName, Views.Status(r.Info.Status), Views.Time(r.Info.StartTime),
                    .. metricKeys.Select(k => r.Data.Metric(k) is { } v ? Views.Number(v) : "-"),
                ]));
            if (page.NextPageToken is not null)
            {
                call.Output.Line($"More runs: add --page-token {page.NextPageToken}");
            }
        });
        return 0;
    }

    private static void ShowRun(Renderer output, Run run)
    {
        var info = run.Info;
        output.Properties(
        [
            ("run id", info.RunId), ("name", info.RunName), ("experiment", info.ExperimentId), ("status", Views.Status(info.Status)),
            ("stage", Views.Stage(info.LifecycleStage)), ("started", Views.Time(info.StartTime)), ("ended", Views.Time(info.EndTime)),
            ("user", info.UserId), ("parent", info.ParentRunId ?? "-"), ("artifacts", info.ArtifactUri),
        ]);
        if (run.Data.Params.Count > 0)
        {
            output.Table(["PARAM", "VALUE"], run.Data.Params.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (IReadOnlyList<string>)[p.Key, p.Value]));
        }

        if (run.Data.Metrics.Count > 0)
        {
            output.Table(["METRIC", "LATEST", "STEP"], run.Data.Metrics.Select(m => (IReadOnlyList<string>)[m.Key, Views.Number(m.Value), m.Step.ToString(System.Globalization.CultureInfo.InvariantCulture)]));
        }

        output.Table(["TAG", "VALUE"], run.Data.Tags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => (IReadOnlyList<string>)[t.Key, t.Value]));
    }

    private static async Task<int> ExecAsync(Invocation call, string experimentName, string? runName, string[] commandLine)
    {
        var workspace = call.Workspace;
        var experiment = await workspace.GetOrCreateExperimentAsync(experimentName, call.CancellationToken);
        var run = await workspace.CreateRunAsync(new CreateRunRequest(experiment.ExperimentId, runName,
            Tags: new Dictionary<string, string> { ["prognos.source.command"] = string.Join(' ', commandLine) }), call.CancellationToken);
        var runId = run.Info.RunId;
        call.Output.Status($"Run {runId} started: {string.Join(' ', commandLine)}");

        var start = new ProcessStartInfo(commandLine[0]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = call.Context.CurrentFolder };
        foreach (var argument in commandLine.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PROGNOS_RUN_ID"] = runId;
        start.Environment["PROGNOS_WORKSPACE"] = workspace.Location;
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("no process");
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            await workspace.AppendRunLogAsync(runId, "stderr", $"could not start '{commandLine[0]}': {ex.Message}\n", call.CancellationToken);
            await workspace.UpdateRunAsync(runId, new RunUpdate(RunStatus.Failed), call.CancellationToken);
            throw PrognosException.InvalidParameter($"Could not start '{commandLine[0]}': {ex.Message}. Check the program name and PATH; run {runId} was marked FAILED.");
        }

        using (process)
        {
            var gate = new SemaphoreSlim(1, 1);
            async Task PumpAsync(StreamReader reader, string streamName, TextWriter echo)
            {
                while (await reader.ReadLineAsync(call.CancellationToken) is { } line)
                {
                    if (!call.Output.IsJson)
                    {
                        await echo.WriteLineAsync(line);
                    }

                    await gate.WaitAsync(call.CancellationToken);
                    try
                    {
                        await workspace.AppendRunLogAsync(runId, streamName, line + "\n", call.CancellationToken);
                    }
                    finally
                    {
                        gate.Release();
                    }
                }
            }

            var pumps = Task.WhenAll(PumpAsync(process.StandardOutput, "stdout", call.Context.Out), PumpAsync(process.StandardError, "stderr", call.Context.Error));
            try
            {
                await process.WaitForExitAsync(call.CancellationToken);
                await pumps;
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await workspace.UpdateRunAsync(runId, new RunUpdate(RunStatus.Killed), CancellationToken.None);
                throw;
            }

            var finalStatus = process.ExitCode == 0 ? RunStatus.Finished : RunStatus.Failed;
            await workspace.LogBatchAsync(runId, new LogBatch(Tags: new Dictionary<string, string> { ["prognos.exit_code"] = process.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture) }), call.CancellationToken);
            var info = await workspace.UpdateRunAsync(runId, new RunUpdate(finalStatus), call.CancellationToken);
            call.Output.Emit(new { run = Views.Of(info), exit_code = process.ExitCode },
                () => call.Output.Line($"Run {runId} {Views.Status(info.Status)} (exit code {process.ExitCode}); output in: prognos run logs {runId}"));
            return process.ExitCode == 0 ? 0 : 1;
        }
    }
}
