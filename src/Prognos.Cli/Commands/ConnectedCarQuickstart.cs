using System.Globalization;
using Prognos.Cli.Output;
using Prognos.Data.Datasets;
using Prognos.Data.Prep;
using Prognos.Storage.Workspaces;

namespace Prognos.Cli.Commands;

/// <summary>
/// The quickstart's data part: generate the connected-car telemetry, clean it with the battery recipe
/// (examples/connected-car/battery-prep.yaml) and show the profile of the registered <c>battery-daily</c> dataset.
/// </summary>
internal static class ConnectedCarQuickstart
{
    public static async Task<Result> RunAsync(LocalWorkspace workspace, int batteries, Invocation call)
    {
        var folder = Path.Combine(workspace.Folder, "connected-car");
        call.Output.Status($"Generating connected-car telemetry for {batteries} batteries ...");
        var sample = await SampleCommands.WriteConnectedCarAsync(Path.Combine(folder, "data"), batteries, 42, null, 500, call.CancellationToken);
        var recipeFile = Path.Combine(folder, "battery-prep.yaml");
        await using (var resource = typeof(ConnectedCarQuickstart).Assembly.GetManifestResourceStream("Prognos.Cli.battery-prep.yaml")
            ?? throw new InvalidOperationException("The bundled battery recipe is missing from the build."))
        await using (var file = File.Create(recipeFile))
        {
            await resource.CopyToAsync(file, call.CancellationToken);
        }

        call.Output.Status($"Running the battery recipe on {sample.Rows:N0} raw rows ...");
        var user = call.Context.GetEnvironment("USER") ?? "unknown";
        var recipe = await RecipeParser.LoadAsync(recipeFile, call.CancellationToken);
        var prep = await PrepCommands.RunAsync(workspace, recipe, recipeFile, "connected-car-prep", "1.5GB", call.Output, user, call.CancellationToken);
        var registry = DataServices.Registry(workspace, user);
        var dataset = await registry.GetAsync(prep.RegisteredDatasets.Count > 0 ? prep.RegisteredDatasets[^1] : "battery-daily", call.CancellationToken);
        var profile = await registry.ProfileAsync(dataset, call.CancellationToken);
        return new Result(sample.TelemetryFile, sample.Rows, prep.RunId, dataset.Reference, dataset.RowCount, sample.BatteriesPassingWithin30Days, profile);
    }

    public static void Show(Renderer output, Result result)
    {
        output.Line($"Connected car: {result.RawRows:N0} raw rows → {result.Dataset} with {result.DailyRows:N0} battery-days (prep run {result.PrepRunId})");
        output.Table(["COLUMN", "TYPE", "NULLS", "MIN", "MAX", "MEAN"], result.Profile.Columns.Select(c => (IReadOnlyList<string>)
        [
            c.Name, c.Type, c.Nulls.ToString("N0", CultureInfo.InvariantCulture), c.Min ?? "-", c.Max ?? "-",
            c.Mean is { } mean ? mean.ToString("G6", CultureInfo.InvariantCulture) : "-",
        ]), $"Profile of {result.Dataset}");
        if (result.Profile.Time is { } time)
        {
            output.Line($"Time column {time.Column}: {time.First} … {time.Last}, frequency {time.InferredFrequency}, {time.Gaps:N0} gaps, {time.DuplicateTimestamps:N0} duplicate timestamps");
        }

        output.Line($"Batteries that will pass their rated cycles within 30 days: {string.Join(", ", result.BatteriesPassingWithin30Days)}");
    }

    internal sealed record Result(string RawFile, long RawRows, string PrepRunId, string Dataset, long DailyRows, IReadOnlyList<string> BatteriesPassingWithin30Days, DatasetProfile Profile);
}
