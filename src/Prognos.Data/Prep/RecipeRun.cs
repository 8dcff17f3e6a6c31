using DuckDB.NET.Data;

namespace Prognos.Data.Prep;

/// <summary>One run of a recipe: loads inputs, checks every step against its input's schema, runs them, writes outputs.</summary>
internal sealed class RecipeRun(Recipe recipe, RecipePlan plan, RecipeContext context, string work, IProgress<RecipeProgress>? progress)
{
    private const string PlanPrefix = "p_";
    private const string RunPrefix = "s_";
    private readonly Dictionary<string, long> _counts = new(StringComparer.Ordinal);
    private readonly Dictionary<int, CsvInputLoader> _rejects = [];
    private int _done;

    private int Total => recipe.Inputs.Count + recipe.Steps.Count + recipe.Outputs.Count;

    public async Task<RecipeResult> RunAsync(CancellationToken ct)
    {
        var started = context.TimeProvider.GetTimestamp();
        CheckOutputTargets();
        using var db = DuckDbSession.Open(Path.Combine(work, "run.duckdb"));
        db.Execute($"SET memory_limit = {Sql.Str(context.MemoryLimit)}", ct);
        // DuckDB uses one thread per core unless told otherwise.
        if (context.Threads is { } threads) db.Execute($"SET threads = {threads}", ct);
        db.Execute($"SET temp_directory = {Sql.Str(Path.Combine(work, "spill"))}", ct);
        db.Execute("SET preserve_insertion_order = true", ct);

        var inputs = new List<InputResult>();
        for (var i = 0; i < recipe.Inputs.Count; i++) inputs.Add(await LoadInputAsync(db, i, ct).ConfigureAwait(false));

        // Every step is first bound against empty tables, so a wrong column in the last step fails in
        // milliseconds, before the first step has read a row.
        foreach (var s in plan.Order) BuildStep(db, s, PlanPrefix, dryRun: true, ct);
        var steps = new List<StepResult>();
        foreach (var s in plan.Order)
        {
            var step = recipe.Steps[s];
            Report($"step {s + 1} '{step.Kind}' (line {step.Location.Line})");
            var t0 = context.TimeProvider.GetTimestamp();
            var rowsIn = Count(db, plan.Sources[s].Table(RunPrefix), ct);
            BuildStep(db, s, RunPrefix, dryRun: false, ct);
            var rowsOut = Count(db, RelationRef.OfStep(s).Table(RunPrefix), ct);
            steps.Add(new StepResult(s, step.Kind, step.Location, rowsIn, rowsOut, context.TimeProvider.GetElapsedTime(t0)));
            _done++;
        }

        var outputs = await WriteOutputsAsync(db, inputs, ct).ConfigureAwait(false);
        return new RecipeResult(recipe.Name, inputs, steps, outputs, context.TimeProvider.GetElapsedTime(started));
    }

    private Func<RecipeOutput, string, CancellationToken, Task>? Sink(RecipeOutput output) => output.Kind switch
    {
        RecipeOutputKind.Dataset => context.DatasetSink,
        RecipeOutputKind.Table => context.TableSink,
        _ => null,
    };

    /// <summary>
    /// Output mistakes found only at the end would waste the run, and a file output onto an existing folder would
    /// fail after other outputs were moved in; refuse both before the first row is read.
    /// </summary>
    private void CheckOutputTargets()
    {
        foreach (var output in recipe.Outputs.Where(o => o.Kind is RecipeOutputKind.Dataset or RecipeOutputKind.Table && Sink(o) is null))
        {
            throw RecipeErrors.At(output.Location, $"output '{output.Target}' is a {output.Kind.ToString().ToLowerInvariant()}, but this run has nowhere to put it; "
                + "run the recipe through a workspace or write a parquet: output instead.");
        }
        foreach (var output in recipe.Outputs.Where(o => o.Kind is RecipeOutputKind.Parquet or RecipeOutputKind.Csv))
        {
            var final = Path.GetFullPath(Path.Combine(context.BaseDirectory, output.Target));
            if (Directory.Exists(final))
            {
                throw RecipeErrors.At(output.Location, $"output '{output.Target}' is an existing folder; name a file, e.g. {output.Target.TrimEnd('/')}/data.{output.Kind.ToString().ToLowerInvariant()}.");
            }
        }
    }

    private async Task<InputResult> LoadInputAsync(DuckDbSession db, int i, CancellationToken ct)
    {
        var input = recipe.Inputs[i];
        Report($"input '{input.Name}'");
        string source;
        if (input.Dataset is { } dataset)
        {
            if (context.DatasetResolver is null)
            {
                throw RecipeErrors.At(input.Location, $"input '{input.Name}' reads dataset '{dataset}', but this run has no dataset resolver; run the recipe through a workspace or use path: instead.");
            }
            source = await context.DatasetResolver(dataset, ct).ConfigureAwait(false);
        }
        else
        {
            source = Path.GetFullPath(Path.Combine(context.BaseDirectory, input.Path!));
        }
        var table = RelationRef.OfInput(i).Table(RunPrefix);
        long rejected = 0;
        try
        {
            switch (input.Format)
            {
                case "csv":
                    var loader = new CsvInputLoader(db, input);
                    rejected = loader.Load(table, [source], ct);
                    if (rejected > 0) _rejects[i] = loader;
                    break;
                case "parquet":
                    db.Execute($"CREATE TABLE {Sql.Id(table)} AS SELECT * FROM read_parquet({Sql.Str(source)})", ct);
                    break;
                default:
                    db.Execute($"CREATE TABLE {Sql.Id(table)} AS SELECT * FROM read_json_auto({Sql.Str(source)})", ct);
                    break;
            }
        }
        catch (DuckDBException e)
        {
            throw RecipeErrors.At(input.Location, $"input '{input.Name}' could not be read from '{source}': {FirstLine(e.Message)}. "
                + "Check the path (relative paths start at the recipe's folder) and the format.", e);
        }
        _done++;
        return new InputResult(input.Name, source, Count(db, table, ct), rejected, null);
    }

    private void BuildStep(DuckDbSession db, int s, string prefix, bool dryRun, CancellationToken ct)
    {
        var step = recipe.Steps[s];
        var previous = Relation(db, plan.Sources[s], prefix, ct);
        var build = new StepBuild(step, previous, name => Relation(db, plan.Names[name.Value], prefix, ct));
        var queries = step.BuildSql(build);
        for (var o = 0; o < queries.Count; o++)
        {
            var table = Sql.Id(RelationRef.OfStep(s, o).Table(prefix));
            try
            {
                db.Execute($"CREATE OR REPLACE TEMP VIEW previous AS SELECT * FROM {previous.Sql}", ct);
                db.Execute(dryRun
                    ? $"CREATE TABLE {table} AS SELECT * FROM ({queries[o]}) LIMIT 0"
                    : $"CREATE TABLE {table} AS {queries[o]}", ct);
            }
            catch (DuckDBException e)
            {
                throw RecipeErrors.At(step.Location, $"step '{step.Kind}' failed: {FirstLine(e.Message)}. "
                    + $"Columns available to it: {string.Join(", ", previous.Columns.Select(c => $"{c.Name} ({c.DuckDbType})"))}. Fix the step's settings.", e);
            }
        }
    }

    private static Relation Relation(DuckDbSession db, RelationRef r, string prefix, CancellationToken ct)
    {
        var table = r.IsStep ? r.Table(prefix) : r.Table(RunPrefix);
        return new Relation(table, db.Describe(Sql.Id(table), ct));
    }

    private long Count(DuckDbSession db, string table, CancellationToken ct)
    {
        if (!_counts.TryGetValue(table, out var n)) _counts[table] = n = db.Count(Sql.Id(table), ct);
        return n;
    }

    private async Task<List<OutputResult>> WriteOutputsAsync(DuckDbSession db, List<InputResult> inputs, CancellationToken ct)
    {
        var moves = new List<(string Temp, string Final)>();
        var sinks = new List<(RecipeOutput Output, string Parquet)>();
        var createdDirs = new List<string>();
        var results = new List<OutputResult>();
        var ok = false;
        try
        {
            for (var o = 0; o < recipe.Outputs.Count; o++)
            {
                var output = recipe.Outputs[o];
                Report($"output {output.Kind.ToString().ToLowerInvariant()} '{output.Target}'");
                var source = Sql.Id(plan.Outputs[o].Table(RunPrefix));
                string temp;
                if (output.Kind is RecipeOutputKind.Parquet or RecipeOutputKind.Csv)
                {
                    var final = Path.GetFullPath(Path.Combine(context.BaseDirectory, output.Target));
                    temp = TempBeside(final, createdDirs);
                    moves.Add((temp, final));
                }
                else
                {
                    temp = Path.Combine(work, $"output-{o}.parquet");
                    sinks.Add((output, temp));
                }
                var format = output.Kind == RecipeOutputKind.Csv ? "FORMAT CSV, HEADER true" : "FORMAT PARQUET";
                try
                {
                    db.Execute($"COPY (SELECT * FROM {source}) TO {Sql.Str(temp)} ({format})", ct);
                }
                catch (DuckDBException e)
                {
                    throw RecipeErrors.At(output.Location, $"output '{output.Target}' could not be written: {FirstLine(e.Message)}. Check that its folder is writable and has room.", e);
                }
                results.Add(new OutputResult(output.Kind, output.Target, plan.Outputs[o].Table(RunPrefix), Count(db, plan.Outputs[o].Table(RunPrefix), ct)));
                _done++;
            }
            foreach (var (i, loader) in _rejects)
            {
                var final = RejectsPath(recipe.Inputs[i]);
                var temp = TempBeside(final, createdDirs);
                moves.Add((temp, final));
                loader.WriteRejects(temp, ct);
                inputs[i] = inputs[i] with { RejectsPath = final };
            }
            ct.ThrowIfCancellationRequested();
            foreach (var (temp, final) in moves) File.Move(temp, final, overwrite: true);
            ok = true;
        }
        finally
        {
            if (!ok)
            {
                foreach (var (temp, _) in moves) File.Delete(temp);
                foreach (var dir in Enumerable.Reverse(createdDirs).Where(d => !Directory.EnumerateFileSystemEntries(d).Any())) Directory.Delete(dir);
            }
        }
        foreach (var (output, parquet) in sinks)
        {
            await Sink(output)!(output, parquet, ct).ConfigureAwait(false);
        }
        return results;
    }

    /// <summary>Rejects go next to the first file output, or into the recipe's folder.</summary>
    private string RejectsPath(RecipeInput input)
    {
        var first = recipe.Outputs.FirstOrDefault(o => o.Kind is RecipeOutputKind.Parquet or RecipeOutputKind.Csv);
        var dir = first is null ? context.BaseDirectory : Path.GetDirectoryName(Path.GetFullPath(Path.Combine(context.BaseDirectory, first.Target)))!;
        return Path.Combine(dir, $"{recipe.Name}.{input.Name}.rejects.csv");
    }

    private static string TempBeside(string final, List<string> createdDirs)
    {
        var dir = Path.GetDirectoryName(final)!;
        var missing = new List<string>();
        for (var d = dir; !string.IsNullOrEmpty(d) && !Directory.Exists(d); d = Path.GetDirectoryName(d)) missing.Add(d);
        Directory.CreateDirectory(dir);
        createdDirs.AddRange(Enumerable.Reverse(missing));
        // Same folder as the target, so the final move is a rename on one file system.
        return Path.Combine(dir, $".{Path.GetFileName(final)}.{Guid.NewGuid():N}.tmp");
    }

    private void Report(string what) => progress?.Report(new RecipeProgress(_done, Total, what));

    private static string FirstLine(string message) => message.Split('\n')[0].Trim().TrimEnd('.');
}
