using Prognos.Data.Prep.Steps;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Prognos.Data.Prep;

/// <summary>Reads a recipe from YAML, keeping the line and column of every step and setting for error messages.</summary>
public static class RecipeParser
{
    private static readonly Dictionary<string, Func<StepHeader, YamlArgs, RecipeStep>> StepKinds = new()
    {
        ["select"] = SelectStep.Parse,
        ["rename"] = RenameStep.Parse,
        ["cast"] = CastStep.Parse,
        ["filter"] = FilterStep.Parse,
        ["dedupe"] = DedupeStep.Parse,
        ["regularize"] = RegularizeStep.Parse,
        ["interpolate"] = InterpolateStep.Parse,
        ["resample"] = ResampleStep.Parse,
        ["expanding"] = ExpandingStep.Parse,
        ["rolling"] = RollingStep.Parse,
        ["lag"] = LagStep.Parse,
        ["calendar"] = CalendarStep.Parse,
        ["join"] = JoinStep.Parse,
        ["concat"] = ConcatStep.Parse,
        ["sql"] = SqlStep.Parse,
        ["split"] = SplitStep.Parse,
    };

    private static readonly HashSet<string> ColumnMapSteps = ["rename", "cast"];

    /// <summary>The step kinds a recipe may use.</summary>
    public static IReadOnlyCollection<string> StepNames => StepKinds.Keys;

    /// <summary>Reads a recipe file; messages name the file by its file name.</summary>
    public static async Task<Recipe> LoadAsync(string path, CancellationToken cancellationToken = default)
    {
        var text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        return Parse(text, Path.GetFileName(path));
    }

    /// <summary>Parses recipe YAML; <paramref name="sourceName"/> is used in error messages (e.g. battery-prep.yaml).</summary>
    public static Recipe Parse(string yaml, string sourceName)
    {
        var stream = new YamlStream();
        var scanner = new Scanner(new StringReader(yaml));
        try
        {
            stream.Load(new Parser(scanner));
        }
        catch (YamlException e)
        {
            var at = new SourceLocation(sourceName, (int)e.Start.Line, (int)e.Start.Column);
            throw RecipeErrors.At(at, $"this is not valid YAML ({e.Message}). Check indentation and quoting around this place.", e);
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet throws this for some unterminated flow collections; the scanner knows where it stopped.
            var at = new SourceLocation(sourceName, (int)scanner.CurrentPosition.Line, (int)scanner.CurrentPosition.Column);
            throw RecipeErrors.At(at, "this is not valid YAML (a { or [ is not closed). Check brackets, indentation and quoting around this place.", e);
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode)
        {
            throw RecipeErrors.At(new SourceLocation(sourceName, 1, 1), "a recipe is a YAML mapping with name, inputs, steps and outputs; see docs/recipes.md.");
        }
        var root = new YamlArgs(stream.Documents[0].RootNode, sourceName, "the recipe");
        var name = root.OptionalString("name")?.Value ?? Path.GetFileNameWithoutExtension(sourceName);
        var inputs = root.Required("inputs", "inputs: { raw: data/raw.csv }").Entries().Select(e => ParseInput(e.Key, e.Value.Named($"input '{e.Key.Value}'"))).ToList();
        var steps = root.Optional("steps")?.Items().Select(ParseStep).ToList() ?? [];
        var outputs = root.Optional("outputs")?.Items().Select(ParseOutput).ToList() ?? [];
        root.RejectUnknownKeys();
        var duplicate = inputs.Select(i => i.Name).Concat(steps.SelectMany(s => s.Defines.Select(d => d.Value)))
            .GroupBy(n => n).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            var at = steps.SelectMany(s => s.Defines).LastOrDefault(d => d.Value == duplicate.Key).At
                ?? inputs.Last(i => i.Name == duplicate.Key).Location;
            throw RecipeErrors.At(at, $"the name '{duplicate.Key}' is given twice; every input and named step result needs its own name.");
        }
        return new Recipe(name, sourceName, inputs, steps, outputs);
    }

    private static RecipeInput ParseInput(Located name, YamlArgs a)
    {
        if (a.IsScalar)
        {
            var p = a.Scalar().Value;
            return new RecipeInput(name.Value, p, null, FormatOf(p, name), false, new Dictionary<string, string>(), null, true, name.At);
        }
        var path = a.OptionalString("path");
        var dataset = a.OptionalString("dataset");
        if (path is null == dataset is null)
        {
            throw RecipeErrors.At(name.At, $"input '{name.Value}' needs either path: (files, a glob is fine) or dataset: name:version, not {(path is null ? "neither" : "both")}.");
        }
        var format = a.Choice("format", dataset is not null ? "parquet" : FormatOf(path!.Value.Value, name), "csv", "parquet", "json");
        var skip = a.Choice("on_error", "fail", "fail", "skip") == "skip";
        var types = a.Optional("types")?.Entries().ToDictionary(e => e.Key.Value, e => CastStep.DuckDbType(e.Value.Scalar()))
            ?? new Dictionary<string, string>();
        var delimiter = a.OptionalString("delimiter")?.Value;
        var header = a.Choice("header", "true", "true", "false") == "true";
        a.RejectUnknownKeys();
        return new RecipeInput(name.Value, path?.Value, dataset?.Value, format, skip, types, delimiter, header, name.At);
    }

    private static string FormatOf(string path, Located name)
    {
        var ext = Path.GetExtension(path).ToLowerInvariant();
        return ext switch
        {
            ".csv" or ".tsv" or ".txt" => "csv",
            ".parquet" => "parquet",
            ".json" or ".jsonl" or ".ndjson" => "json",
            _ => throw RecipeErrors.At(name.At, $"cannot tell the format of '{path}' from its extension; add format: csv|parquet|json."),
        };
    }

    private static RecipeStep ParseStep(YamlArgs item)
    {
        if (item.IsScalar)
        {
            var kind = item.Scalar();
            throw UnknownOrBare(kind);
        }
        var entries = item.Entries();
        var kinds = entries.Where(e => e.Key.Value is not ("input" or "as")).ToList();
        if (kinds.Count != 1)
        {
            throw RecipeErrors.At(item.At, kinds.Count == 0
                ? $"this step has no kind; start it with one of: {string.Join(", ", StepKinds.Keys)}."
                : $"this list item has {kinds.Count} step kinds ({string.Join(", ", kinds.Select(k => k.Key.Value))}); write one step per '- ' item.");
        }
        var (key, written) = kinds[0];
        if (!StepKinds.TryGetValue(key.Value, out var parse)) throw UnknownOrBare(key);
        var args = written.Named($"step '{key.Value}'");
        item.Optional(key.Value);
        // rename and cast take a mapping of column names, so input/as can only sit beside them.
        var settings = args.IsMapping && !ColumnMapSteps.Contains(key.Value);
        var input = item.OptionalString("input") ?? (settings ? args.OptionalString("input") : null);
        var asName = item.OptionalString("as") ?? (settings ? args.OptionalString("as") : null);
        item.RejectUnknownKeys();
        var step = parse(new StepHeader(key.Value, key.At, input, asName), args);
        if (settings) args.RejectUnknownKeys();
        return step;
    }

    private static Exception UnknownOrBare(Located kind) => StepKinds.ContainsKey(kind.Value)
        ? RecipeErrors.At(kind.At, $"step '{kind.Value}' needs settings; write it as '- {kind.Value}: ...' (see docs/recipes.md).")
        : RecipeErrors.At(kind.At, $"there is no step '{kind.Value}'; steps are: {string.Join(", ", StepKinds.Keys)}. "
            + RecipeErrors.Suggest(kind.Value, StepKinds.Keys) + "Fix the step name.");

    private static RecipeOutput ParseOutput(YamlArgs item)
    {
        var entries = item.Entries();
        var kinds = entries.Where(e => e.Key.Value != "from").ToList();
        if (kinds.Count != 1)
        {
            throw RecipeErrors.At(item.At, "each output is one of '- parquet: path', '- csv: path', '- dataset: name', '- table: { datastore, table, mode }'.");
        }
        var (key, written) = kinds[0];
        var a = written.Named($"output '{key.Value}'");
        item.Optional(key.Value);
        var from = item.OptionalString("from") ?? (a.IsMapping ? a.OptionalString("from") : null);
        item.RejectUnknownKeys();
        RecipeOutput output;
        switch (key.Value)
        {
            case "parquet" or "csv":
                var path = a.IsScalar ? a.Scalar() : a.String("path", "path: out/data.parquet");
                output = new(key.Value == "csv" ? RecipeOutputKind.Csv : RecipeOutputKind.Parquet, path.Value, from?.Value, null, null, key.At);
                break;
            case "dataset":
                var name = a.IsScalar ? a.Scalar() : a.String("name", "name: battery-daily");
                output = new(RecipeOutputKind.Dataset, name.Value, from?.Value, null, null, key.At);
                break;
            case "table":
                var store = a.String("datastore", "datastore: warehouse");
                var table = a.String("table", "table: battery_daily");
                output = new(RecipeOutputKind.Table, table.Value, from?.Value, store.Value, a.Choice("mode", "replace", "replace", "append"), key.At);
                break;
            default:
                throw RecipeErrors.At(key.At, $"there is no output kind '{key.Value}'; use parquet, csv, dataset or table.");
        }
        a.RejectUnknownKeys();
        return output;
    }
}
