using Prognos.Data.Prep;
using Prognos.Errors;
using Xunit;

namespace Prognos.Data.Tests.Prep;

/// <summary>Bad rows in CSV inputs: reported as file:line:column, or skipped into a rejects file on request.</summary>
public sealed class CsvInputTests : IDisposable
{
    private readonly PrepFolder _f = new();

    public void Dispose() => _f.Dispose();

    private static string Good(int from, int count) =>
        string.Concat(Enumerable.Range(from, count).Select(i => $"2014-01-{1 + i % 28:00} 00:00:00,{i % 3},{i * 0.5}\n"));

    private const string Recipe = """
        inputs:
          raw: { path: data/raw.csv, format: csv }
        outputs:
          - parquet: out/clean.parquet
        """;

    [Fact]
    public async Task RaggedRowIsReportedWithFileLineAndColumn()
    {
        var csv = _f.Write("data/raw.csv", "Date,id,v\n" + Good(0, 40) + "2014-01-05 00:00:00,1\n" + Good(40, 10));
        var e = await Assert.ThrowsAsync<PrognosException>(() => _f.RunAsync(Recipe));
        Assert.StartsWith($"{csv}:42:2: ragged row, too few columns", e.Message);
        Assert.Contains("input 'raw' (test.yaml:2:3)", e.Message);
        Assert.Contains("on_error: skip", e.Message);
        Assert.False(Directory.Exists(_f.PathOf("out")));
    }

    [Fact]
    public async Task UnparsableDateIsReported()
    {
        var csv = _f.Write("data/raw.csv", "Date,id,v\n" + Good(0, 30) + "2014-13-45 00:00:00,1,2\n");
        var e = await Assert.ThrowsAsync<PrognosException>(() => _f.RunAsync(Recipe));
        Assert.StartsWith($"{csv}:32:1: value in column 'Date' does not parse", e.Message);
    }

    [Fact]
    public async Task MixedTypesInANumericColumnAreReported()
    {
        var csv = _f.Write("data/raw.csv", "Date,id,v\n" + Good(0, 30) + "2014-01-05 00:00:00,1,abc\n" + Good(30, 30));
        var e = await Assert.ThrowsAsync<PrognosException>(() => _f.RunAsync(Recipe));
        Assert.StartsWith($"{csv}:32:3: value in column 'v' does not parse", e.Message);
        Assert.Contains("types: { v: string }", e.Message);
    }

    [Fact]
    public async Task DeclaredTypesAreHonoured()
    {
        _f.Write("data/raw.csv", "Date,id,v\n" + Good(0, 30) + "2014-01-05 00:00:00,1,abc\n");
        await _f.RunAsync(Recipe.Replace("format: csv", "format: csv, types: { v: string }", StringComparison.Ordinal));
        Assert.Equal(31, (await _f.ReadAsync("out/clean.parquet")).Count);
    }

    [Fact]
    public async Task SkipDropsBadRowsAndWritesRejectsNextToOutputs()
    {
        _f.Write("data/raw.csv", "Date,id,v\n" + Good(0, 30) + "2014-01-05 00:00:00,1\n" + "2014-01-05 00:00:00,1,2,3\n" + "2014-01-05 00:00:00,1,abc\n" + Good(30, 30));
        var result = await _f.RunAsync(Recipe.Replace("format: csv", "format: csv, on_error: skip", StringComparison.Ordinal));
        var input = Assert.Single(result.Inputs);
        Assert.Equal(3, input.RejectedRows);
        Assert.Equal(60, input.Rows);
        Assert.Equal(_f.PathOf("out/test.raw.rejects.csv"), input.RejectsPath);
        var rejects = File.ReadAllLines(input.RejectsPath!);
        Assert.Equal("file,line,column,column_name,error_type,error_message,csv_line", rejects[0]);
        Assert.Equal(4, rejects.Length);
        Assert.Contains(rejects, l => l.Contains(",32,", StringComparison.Ordinal) && l.Contains("MISSING COLUMNS", StringComparison.Ordinal));
        Assert.Equal(60, (await _f.ReadAsync("out/clean.parquet")).Count);
    }

    [Fact]
    public async Task EmptyCellsAreNullNotErrors()
    {
        _f.Write("data/raw.csv", "Date,id,v\n" + Good(0, 30) + "2014-01-05 00:00:00,,\n");
        await _f.RunAsync(Recipe);
        var rows = await _f.ReadAsync("out/clean.parquet");
        Assert.Equal(31, rows.Count);
        Assert.Null(rows[^1]["v"]);
    }

    [Fact]
    public async Task MissingFileNamesTheInput()
    {
        var e = await Assert.ThrowsAsync<PrognosException>(() => _f.RunAsync(Recipe));
        Assert.StartsWith("test.yaml:2:3: input 'raw' could not be read from", e.Message);
    }
}
