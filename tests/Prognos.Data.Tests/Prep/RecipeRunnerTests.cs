using Prognos.Data.Prep;
using Prognos.Errors;
using Xunit;

namespace Prognos.Data.Tests.Prep;

/// <summary>Run-level guarantees: no partial output, sinks and resolvers, progress, results.</summary>
public sealed class RecipeRunnerTests : IDisposable
{
    private const string Data = "Date,id,v\n2024-01-01 00:00:00,a,1\n2024-01-02 00:00:00,a,x\n2024-01-03 00:00:00,b,3\n";

    private readonly PrepFolder _f = new();

    public RecipeRunnerTests() => _f.Write("s.csv", Data);

    public void Dispose() => _f.Dispose();

    private Dictionary<string, (long, DateTime)> Snapshot() =>
        Directory.EnumerateFileSystemEntries(_f.Root, "*", SearchOption.AllDirectories)
            .Where(p => !p.StartsWith(_f.PathOf(".tmp"), StringComparison.Ordinal))
            .ToDictionary(p => p, p => File.Exists(p) ? (new FileInfo(p).Length, File.GetLastWriteTimeUtc(p)) : (-1L, default));

    [Fact]
    public async Task AStepFailingMidwayLeavesTheOutputFolderUnchanged()
    {
        _f.Write("out/old.txt", "keep me");
        _f.Write("out/result.csv", "previous,run\n");
        var before = Snapshot();
        var e = await Assert.ThrowsAsync<PrognosException>(() => _f.RunAsync("""
            inputs:
              raw: { path: s.csv, types: { v: string } }
            steps:
              - filter: "id IS NOT NULL"
              - cast: { v: int }
              - select: [id, v]
            outputs:
              - parquet: out/new/result.parquet
              - csv: out/result.csv
            """));
        Assert.StartsWith("test.yaml:5:5: step 'cast' failed: Conversion Error", e.Message);
        Assert.Equal(before, Snapshot());
        Assert.Equal("previous,run\n", File.ReadAllText(_f.PathOf("out/result.csv")));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_f.PathOf(".tmp")));
    }

    [Fact]
    public async Task CancellingMidwayLeavesNoOutput()
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var progress = new CancelAt(cts, "step 2");
        var recipe = RecipeParser.Parse("""
            inputs: { raw: { path: s.csv, types: { v: string } } }
            steps:
              - filter: "id = 'a'"
              - select: [id]
            outputs: [ { parquet: out/x.parquet } ]
            """, "test.yaml");
        var before = Snapshot();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => RecipeRunner.RunAsync(recipe, _f.Context, progress, cts.Token));
        Assert.Equal(before, Snapshot());
        Assert.Contains(progress.Seen, s => s.StartsWith("step 1 'filter'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ResultCountsRowsPerStepAndReportsProgress()
    {
        var progress = new CancelAt(null, "never");
        var recipe = RecipeParser.Parse("""
            inputs: { raw: { path: s.csv, types: { v: string } } }
            steps:
              - filter: "id = 'a'"
              - select: [id]
                as: ids
              - dedupe: { keys: [id] }
            outputs:
              - parquet: out/all.parquet
              - csv: { path: out/ids.csv, from: ids }
            """, "test.yaml");
        var result = await RecipeRunner.RunAsync(recipe, _f.Context, progress, TestContext.Current.CancellationToken);
        Assert.Equal([(3L, 2L), (2L, 2L), (2L, 1L)], result.Steps.Select(s => (s.RowsIn, s.RowsOut)));
        Assert.Equal([1, 2], result.Outputs.Select(o => o.Rows));
        Assert.Equal(3, result.Inputs.Single().Rows);
        Assert.Equal(["input 'raw'", "step 1 'filter' (line 3)", "step 2 'select' (line 4)", "step 3 'dedupe' (line 6)", "output parquet 'out/all.parquet'", "output csv 'out/ids.csv'"], progress.Seen);
        Assert.Equal(["id", "a", "a"], File.ReadAllLines(_f.PathOf("out/ids.csv")));
        Assert.All(result.Steps, s => Assert.True(s.Elapsed >= TimeSpan.Zero));
    }

    [Fact]
    public async Task DatasetInputsAndSinksGoThroughTheCallersDelegates()
    {
        await _f.RunAsync("""
            inputs: { raw: { path: s.csv, types: { v: string } } }
            outputs: [ { parquet: registered.parquet } ]
            """);
        var resolved = new List<string>();
        var tables = new List<RecipeOutput>();
        var datasets = new List<(string Name, long Rows)>();
        var context = _f.Context with
        {
            DatasetResolver = (nameVersion, _) =>
            {
                resolved.Add(nameVersion);
                return Task.FromResult(_f.PathOf("registered.parquet"));
            },
            DatasetSink = async (output, parquet, ct) =>
            {
                using var rel = DuckDbRelation.OpenParquet(parquet);
                datasets.Add((output.Target, await rel.CountAsync(ct)));
            },
            TableSink = (output, parquet, _) =>
            {
                Assert.True(File.Exists(parquet));
                tables.Add(output);
                return Task.CompletedTask;
            },
        };
        var result = await _f.RunAsync("""
            inputs:
              raw: { dataset: "battery-raw:3" }
            steps:
              - filter: "id = 'a'"
            outputs:
              - dataset: battery-a
              - table: { datastore: warehouse, table: battery_a, mode: append }
            """, context);
        Assert.Equal(["battery-raw:3"], resolved);
        Assert.Equal([("battery-a", 2L)], datasets);
        var table = Assert.Single(tables);
        Assert.Equal(("warehouse", "battery_a", "append"), (table.Datastore, table.Target, table.Mode));
        Assert.Equal(2, result.Outputs.Count);
    }

    [Fact]
    public async Task JsonAndParquetInputsWithoutStepsGoStraightToOutputs()
    {
        _f.Write("e.jsonl", "{\"id\": \"a\", \"v\": 1.5}\n{\"id\": \"b\", \"v\": null}\n");
        await _f.RunAsync("inputs: { events: e.jsonl, other: { path: s.csv, types: { v: string } } }\noutputs: [ { parquet: a.parquet } ]");
        await _f.RunAsync("inputs: { again: a.parquet }\nsteps: [ { filter: v IS NOT NULL } ]\noutputs: [ { csv: b.csv } ]");
        Assert.Equal(["id,v", "a,1.5"], File.ReadAllLines(_f.PathOf("b.csv")));
    }

    [Fact]
    public async Task MissingSinkIsAnErrorNamingTheOutput()
    {
        var e = await Assert.ThrowsAsync<PrognosException>(() => _f.RunAsync("inputs: { raw: nothing-read.csv }\noutputs:\n  - dataset: x\n"));
        Assert.StartsWith("test.yaml:3:5: output 'x' is a dataset, but this run has nowhere to put it", e.Message);
    }

    [Fact]
    public async Task OutputOntoAFolderIsRefusedBeforeRunning()
    {
        Directory.CreateDirectory(_f.PathOf("out/data.parquet"));
        var e = await Assert.ThrowsAsync<PrognosException>(() => _f.RunAsync("inputs: { raw: s.csv }\noutputs:\n  - csv: ok.csv\n  - parquet: out/data.parquet\n"));
        Assert.StartsWith("test.yaml:4:5: output 'out/data.parquet' is an existing folder", e.Message);
        Assert.False(File.Exists(_f.PathOf("ok.csv")));
    }

    [Fact]
    public async Task DuckDbRelationReadsSchemaRowsAndQueries()
    {
        await _f.RunAsync("inputs: { raw: { path: s.csv, types: { v: string } } }\noutputs: [ { parquet: p.parquet } ]");
        using var rel = DuckDbRelation.OpenParquet(_f.PathOf("p.parquet"));
        var ct = TestContext.Current.CancellationToken;
        Assert.Equal(["Date TIMESTAMP", "id VARCHAR", "v VARCHAR"], (await rel.ReadSchemaAsync(ct)).Select(c => $"{c.Name} {c.DuckDbType}"));
        var b = rel.Query("SELECT id, count(*) AS n FROM {{relation}} GROUP BY id ORDER BY id");
        var rows = new List<string>();
        await foreach (var r in b.ReadRowsAsync(ct)) rows.Add($"{r[0]}={r[1]}");
        Assert.Equal(["a=2", "b=1"], rows);
        Assert.Equal(3, await rel.CountAsync(ct));
    }

    private sealed class CancelAt(CancellationTokenSource? cts, string prefix) : IProgress<RecipeProgress>
    {
        public List<string> Seen { get; } = [];

        public void Report(RecipeProgress value)
        {
            Seen.Add(value.Description);
            if (value.Description.StartsWith(prefix, StringComparison.Ordinal)) cts?.Cancel();
        }
    }
}
