using Prognos.Data.Prep;
using Prognos.Errors;
using Xunit;

namespace Prognos.Data.Tests.Prep;

/// <summary>Every mistake names the recipe file, the line and column, and the fix.</summary>
public sealed class RecipeErrorTests : IDisposable
{
    private readonly PrepFolder _f = new();

    public RecipeErrorTests() => _f.Write("s.csv", "Date,id,Daily_Cycles_Used\n2024-01-01 00:00:00,a,1\n2024-01-02 00:00:00,a,2\n");

    public void Dispose() => _f.Dispose();

    private async Task<PrognosException> Fails(string yaml)
    {
        var e = await Assert.ThrowsAsync<PrognosException>(() => _f.RunAsync(yaml));
        Assert.Equal(ErrorCode.InvalidParameterValue, e.Code);
        return e;
    }

    [Fact]
    public async Task UnknownColumnNamesLineColumnsAndSuggestion()
    {
        var e = await Fails("""
            name: battery-prep
            inputs:
              raw: s.csv
            steps:
              - dedupe: { keys: [id, Date] }
              - resample:
                  time: Date
                  frequency: 1d
                  by: id
                  aggregations:
                    Dialy_Cycles_Used: sum
            outputs:
              - parquet: out.parquet
            """);
        Assert.StartsWith("test.yaml:11:9: step 'resample' refers to column 'Dialy_Cycles_Used', which does not exist; columns are: Date, id, Daily_Cycles_Used.", e.Message);
        Assert.Contains("Did you mean 'Daily_Cycles_Used'?", e.Message);
        Assert.False(File.Exists(_f.PathOf("out.parquet")));
    }

    [Fact]
    public async Task ColumnsAreCheckedBeforeAnyStepRuns()
    {
        // The second step's column is wrong; the first (which would fail at run time) must not have run.
        var e = await Fails("""
            inputs: { raw: s.csv }
            steps:
              - cast: { id: int }
              - select: [nope]
            """);
        Assert.StartsWith("test.yaml:4:14: step 'select' refers to column 'nope'", e.Message);
    }

    [Fact]
    public async Task UnknownStep()
    {
        var e = await Fails("""
            inputs: { raw: s.csv }
            steps:
              - filter: "id = 'a'"
              - resampel: { time: Date }
            """);
        Assert.StartsWith("test.yaml:4:5: there is no step 'resampel'; steps are: select,", e.Message);
        Assert.Contains("Did you mean 'resample'?", e.Message);
    }

    [Fact]
    public async Task UnknownSetting()
    {
        var e = await Fails("""
            inputs: { raw: s.csv }
            steps:
              - dedupe: { keys: [id], order_bye: Date }
            """);
        Assert.StartsWith("test.yaml:3:27: ", e.Message);
        Assert.Contains("step 'dedupe' has no setting 'order_bye'; known settings are: as, input, keep, keys, order_by.", e.Message);
        Assert.Contains("Did you mean 'order_by'?", e.Message);
    }

    [Fact]
    public async Task UnknownInput()
    {
        var e = await Fails("""
            inputs: { raw: s.csv }
            steps:
              - filter: "id = 'a'"
                input: rwa
            """);
        Assert.StartsWith("test.yaml:4:12: step 'filter' refers to 'rwa', which is not an input or a named step result; names are: raw.", e.Message);
    }

    [Theory]
    [InlineData("12x")]
    [InlineData("0d")]
    [InlineData("m")]
    public async Task BadFrequency(string frequency)
    {
        var e = await Fails($"""
            inputs: {"{"} raw: s.csv {"}"}
            steps:
              - regularize: {"{"} time: Date, frequency: {frequency} {"}"}
            """);
        Assert.StartsWith($"test.yaml:3:42: '{frequency}' is not a frequency;", e.Message);
    }

    [Fact]
    public async Task CycleBetweenJoinAndConcat()
    {
        var e = await Fails("""
            inputs: { raw: s.csv }
            steps:
              - join: { with: b, on: [id] }
                as: a
              - concat: [a]
                input: raw
                as: b
            """);
        Assert.StartsWith("test.yaml:", e.Message);
        Assert.Contains("in a cycle: 'join' (line 3) needs 'concat' (line 5) needs 'join' (line 3)", e.Message);
    }

    [Fact]
    public async Task ForwardReferencesWithoutCycleRunInDependencyOrder()
    {
        var result = await _f.RunAsync("""
            inputs: { raw: s.csv }
            steps:
              - concat: [later]
                as: both
              - filter: "Daily_Cycles_Used > 1"
                input: raw
                as: later
            outputs:
              - parquet: out.parquet
                from: both
            """);
        Assert.Equal([1, 0], result.Steps.Select(s => s.Index));
        Assert.Equal(3, (await _f.ReadAsync("out.parquet")).Count);
    }

    [Theory]
    [InlineData("inputs: { raw: s.csv\nsteps: []", 2, "not valid YAML")]
    [InlineData("inputs:\n  raw: s.csv\n   bad: x", 3, "not valid YAML")]
    [InlineData("- just\n- a list", 1, "a recipe is a YAML mapping")]
    [InlineData("inputs: { raw: s.csv }\nstep: []", 2, "has no setting 'step'")]
    public async Task BadYaml(string yaml, int line, string message)
    {
        var e = await Fails(yaml);
        Assert.StartsWith($"test.yaml:{line}:", e.Message);
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public async Task FailingFilterExpressionNamesTheStep()
    {
        var e = await Fails("""
            inputs: { raw: s.csv }
            steps:
              - filter: "Battery = 1"
            """);
        Assert.StartsWith("test.yaml:3:5: step 'filter' failed: Binder Error", e.Message);
        Assert.Contains("Columns available to it: Date (TIMESTAMP), id (VARCHAR), Daily_Cycles_Used (BIGINT)", e.Message);
    }

    [Fact]
    public async Task MissingDatasetResolverIsExplained()
    {
        var e = await Fails("inputs:\n  raw: { dataset: battery-raw:3 }\n");
        Assert.StartsWith("test.yaml:2:3: input 'raw' reads dataset 'battery-raw:3', but this run has no dataset resolver", e.Message);
    }
}
