using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Prognos.Data.Prep;

namespace Prognos.Bench.Data;

/// <summary>
/// <c>prep-battery</c>: the shipped battery recipe (examples/connected-car/battery-prep.yaml) run on a given raw CSV,
/// with its outputs replaced by a single Parquet file, through <see cref="RecipeRunner"/> as <c>prognos prep run</c> does.
/// Prints wall time (parse to finished output) and the process's peak resident memory.
/// </summary>
internal static partial class BatteryPrepBenchmark
{
    public static async Task<int> RunAsync(DataBenchArgs args)
    {
        var raw = Path.GetFullPath(args.Required("raw"));
        var output = Path.GetFullPath(args.Required("out"));
        var recipePath = args.Optional("recipe", "examples/connected-car/battery-prep.yaml");
        var memoryLimit = args.Optional("memory-limit", "1.5GB");

        var yaml = await File.ReadAllTextAsync(recipePath);
        yaml = InputPath().Replace(yaml, $"path: '{raw}'", 1);
        var outputsAt = yaml.IndexOf("\noutputs:", StringComparison.Ordinal);
        if (outputsAt < 0 || !yaml.Contains($"path: '{raw}'", StringComparison.Ordinal))
        {
            Console.Error.WriteLine($"{recipePath}: expected an input 'path:' and an 'outputs:' section");
            return 1;
        }

        yaml = yaml[..outputsAt] + $"\noutputs:\n  - parquet: '{output}'\n";

        var started = Stopwatch.StartNew();
        var recipe = RecipeParser.Parse(yaml, recipePath);
        var result = await RecipeRunner.RunAsync(recipe, new RecipeContext(Path.GetDirectoryName(output)!) { MemoryLimit = memoryLimit });
        var seconds = started.Elapsed.TotalSeconds;

        foreach (var step in result.Steps)
        {
            Console.WriteLine($"  {step}");
        }

        var rows = result.Outputs.Single().Rows;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RESULT prep-battery rows_out={rows} wall_seconds={seconds:F3} peak_rss_mib={PeakMemory.Mebibytes():F1} memory_limit={memoryLimit} threads={Environment.ProcessorCount}"));
        return 0;
    }

    [GeneratedRegex(@"path:\s*data/battery-raw\.csv")]
    private static partial Regex InputPath();
}
