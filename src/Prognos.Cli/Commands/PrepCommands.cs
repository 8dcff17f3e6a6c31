using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Prognos.Cli.Output;
using Prognos.Data.Datasets;
using Prognos.Data.Datastores;
using Prognos.Data.Prep;
using Prognos.Errors;
using Prognos.Tracking;
using Prognos.Workspaces;

namespace Prognos.Cli.Commands;

internal static class PrepCommands
{
    public static Command Create(CommandRunner runner)
    {
        var command = new Command("prep", "Data preparation recipes executed by DuckDB");
        var recipePath = new Argument<string>("recipe") { Description = "The recipe YAML file (see docs/recipes.md)" };
        var experiment = new Option<string>("--experiment", "-e") { Description = "Experiment that records the run", DefaultValueFactory = _ => "prep" };
        var memory = new Option<string>("--memory-limit") { Description = "DuckDB memory limit; beyond it DuckDB spills to disk", DefaultValueFactory = _ => "1.5GB" };
        var run = new Command("run", "Run a recipe: inputs → steps → outputs (files, dataset versions, datastore tables), recorded as a run with lineage") { recipePath, experiment, memory };
        runner.Bind(run, async call =>
        {
            var path = Path.GetFullPath(call.Get(recipePath), call.Context.CurrentFolder);
            var recipe = await RecipeParser.LoadAsync(path, call.CancellationToken);
            var result = await RunAsync(call.Workspace, recipe, path, call.Get(experiment), call.Get(memory), call.Output, call.Context.GetEnvironment("USER") ?? "unknown", call.CancellationToken);
            call.Output.Emit(result, () =>
            {
                call.Output.Table(["#", "STEP", "LINE", "ROWS IN", "ROWS OUT", "SECONDS"], result.Steps.Select(s => (IReadOnlyList<string>)
                [
                    s.Index.ToString(CultureInfo.InvariantCulture), s.Kind, s.Line.ToString(CultureInfo.InvariantCulture),
                    s.RowsIn.ToString("N0", CultureInfo.InvariantCulture), s.RowsOut.ToString("N0", CultureInfo.InvariantCulture), s.Seconds.ToString("F2", CultureInfo.InvariantCulture),
                ]), $"Recipe '{result.Recipe}' in {result.Seconds:F1}s");
                foreach (var output in result.Outputs)
                {
                    call.Output.Line($"→ {output.Kind} {output.Target}: {output.Rows:N0} rows");
                }

                call.Output.Line($"Run: {result.RunId}");
            });
            return 0;
        });
        command.Subcommands.Add(run);
        return command;
    }

    /// <summary>Runs a recipe against a workspace; also used by quickstart.</summary>
    public static async Task<PrepRunView> RunAsync(IWorkspace workspace, Recipe recipe, string recipeFile, string experiment, string memoryLimit, Renderer output, string user, CancellationToken cancellationToken)
    {
        var local = DataServices.Local(workspace);
        var registry = DataServices.Registry(workspace, user);
        var datasetInputs = new List<string>();
        var registered = new List<string>();
        await using var tracked = await workspace.StartRunAsync(experiment, recipe.Name, cancellationToken: cancellationToken);
        await tracked.LogParamsAsync(new Dictionary<string, string>
        {
            ["recipe"] = recipe.Name,
            ["recipe_file"] = recipeFile,
            ["steps"] = recipe.Steps.Count.ToString(CultureInfo.InvariantCulture),
        }, cancellationToken);
        await using (var yaml = File.OpenRead(recipeFile))
        {
            await tracked.LogArtifactAsync("recipe/" + Path.GetFileName(recipeFile), yaml, cancellationToken);
        }

        var context = new RecipeContext(Path.GetDirectoryName(recipeFile)!)
        {
            MemoryLimit = memoryLimit,
            DatasetResolver = async (reference, ct) =>
            {
                var version = await registry.GetAsync(reference, ct);
                datasetInputs.Add(version.Reference);
                return registry.ParquetPath(version);
            },
            DatasetSink = async (target, parquet, ct) =>
            {
                var result = await registry.RegisterParquetAsync(target.Target, parquet, datasetInputs.Distinct().ToList(), tracked.RunId, $"Output of recipe '{recipe.Name}'", null, null, ct);
                registered.Add(result.Version.Reference);
                output.Status(result.Created ? $"  registered {result.Version.Reference}" : $"  {target.Target}: same content as {result.Version.Reference}");
            },
            TableSink = async (target, parquet, ct) =>
            {
                var datastore = target.Datastore ?? throw PrognosException.InvalidParameter($"{target.Location}: a table output needs a datastore: {{ datastore: NAME, table: {target.Target} }}.");
                await using var connection = await local.Datastores.OpenDatabaseAsync(datastore, ct);
                var rows = await DatabaseTables.WriteParquetAsync(connection, target.Target, parquet, target.Mode ?? "replace", ct);
                output.Status($"  wrote {rows:N0} rows to {datastore}:{target.Target}");
            },
        };
        var progress = new Progress<RecipeProgress>(p => output.Status($"[{p.Done}/{p.Total}] {p.Description}"));
        RecipeResult result;
        try
        {
            result = await RecipeRunner.RunAsync(recipe, context, progress, cancellationToken);
        }
        catch (Exception ex) when (ex is PrognosException or OperationCanceledException)
        {
            await tracked.SetTagAsync("prognos.error", ex.Message.Length > 7000 ? ex.Message[..7000] : ex.Message, CancellationToken.None);
            await tracked.EndAsync(ex is OperationCanceledException ? RunStatus.Killed : RunStatus.Failed, CancellationToken.None);
            throw;
        }

        foreach (var step in result.Steps)
        {
            await tracked.LogMetricAsync("rows_in", step.RowsIn, step.Index, cancellationToken);
            await tracked.LogMetricAsync("rows_out", step.RowsOut, step.Index, cancellationToken);
            await tracked.LogMetricAsync("step_seconds", step.Elapsed.TotalSeconds, step.Index, cancellationToken);
        }

        foreach (var input in result.Inputs)
        {
            await tracked.LogMetricAsync($"input_rows.{input.Name}", input.Rows, cancellationToken: cancellationToken);
            if (input.RejectedRows > 0)
            {
                await tracked.LogMetricAsync($"input_rejected.{input.Name}", input.RejectedRows, cancellationToken: cancellationToken);
            }
        }

        await tracked.LogMetricAsync("seconds", result.Elapsed.TotalSeconds, cancellationToken: cancellationToken);
        if (datasetInputs.Count > 0)
        {
            await tracked.SetTagAsync("prognos.inputs", string.Join(",", datasetInputs.Distinct()), cancellationToken);
        }

        if (registered.Count > 0)
        {
            await tracked.SetTagAsync("prognos.outputs", string.Join(",", registered), cancellationToken);
        }

        var view = new PrepRunView(recipe.Name, tracked.RunId, result.Elapsed.TotalSeconds,
            result.Steps.Select(s => new PrepStepView(s.Index, s.Kind, s.Location.Line, s.RowsIn, s.RowsOut, s.Elapsed.TotalSeconds)).ToList(),
            result.Outputs.Select(o => new PrepOutputView(o.Kind.ToString().ToLowerInvariant(), o.Target, o.Rows)).ToList(),
            datasetInputs.Distinct().ToList(), registered);
        await tracked.LogTextAsync("result.json", JsonSerializer.Serialize(view, Renderer.JsonOptions), cancellationToken);
        return view;
    }

    internal sealed record PrepRunView(string Recipe, string RunId, double Seconds, IReadOnlyList<PrepStepView> Steps, IReadOnlyList<PrepOutputView> Outputs, IReadOnlyList<string> InputDatasets, IReadOnlyList<string> RegisteredDatasets);

    internal sealed record PrepStepView(int Index, string Kind, int Line, long RowsIn, long RowsOut, double Seconds);

    internal sealed record PrepOutputView(string Kind, string Target, long Rows);
}
