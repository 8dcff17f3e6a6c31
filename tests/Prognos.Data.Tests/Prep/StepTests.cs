using Prognos.Data.Prep;
using Xunit;
using static Prognos.Data.Tests.Prep.PrepFolder;

namespace Prognos.Data.Tests.Prep;

/// <summary>Every step kind, run by DuckDB on real CSV files written into a temporary folder.</summary>
public sealed class StepTests : IDisposable
{
    private const string Series = """
        Date,id,v,w
        2024-01-01 00:00:00,a,1,10
        2024-01-01 12:00:00,a,,11
        2024-01-02 00:00:00,a,3,12
        2024-01-03 00:00:00,a,5,
        2024-01-01 00:00:00,b,100,1
        2024-01-02 00:00:00,b,200,2

        """;

    private readonly PrepFolder _f = new();

    public StepTests() => _f.Write("s.csv", Series);

    public void Dispose() => _f.Dispose();

    private Task<List<Dictionary<string, object?>>> Run(string steps, string inputs = "raw: s.csv") => _f.RunToRowsAsync(inputs, steps);

    [Fact]
    public async Task SelectKeepsTheColumnsInTheGivenOrder()
    {
        var rows = await Run("- select: [v, id]");
        Assert.Equal(["v", "id"], rows[0].Keys);
        Assert.Equal(6, rows.Count);
    }

    [Fact]
    public async Task RenameRenamesInPlace()
    {
        var rows = await Run("- rename: { v: value, id: battery }");
        Assert.Equal(["Date", "battery", "value", "w"], rows[0].Keys);
    }

    [Fact]
    public async Task CastConvertsTypes()
    {
        await _f.RunAsync("""
            inputs: { raw: s.csv }
            steps:
              - cast: { v: string, Date: date, w: double }
            outputs: [ { parquet: out.parquet } ]
            """);
        using var rel = DuckDbRelation.OpenParquet(_f.PathOf("out.parquet"));
        var schema = await rel.ReadSchemaAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["DATE", "VARCHAR", "VARCHAR", "DOUBLE"], schema.Select(c => c.DuckDbType));
    }

    [Fact]
    public async Task FilterKeepsMatchingRows()
    {
        var rows = await Run("- filter: \"v > 2 AND id = 'a'\"");
        Assert.Equal([3.0, 5.0], rows.Select(r => D(r["v"])));
    }

    [Fact]
    public async Task DedupeKeepsFirstOrLastByOrderThenArrival()
    {
        _f.Write("d.csv", """
            Date,id,v
            2024-01-02,a,1
            2024-01-01,a,2
            2024-01-02,a,3
            2024-01-01,b,4
            2024-01-02,a,5

            """);
        var first = await Run("- dedupe: { keys: [id, Date], keep: first, order_by: Date }", "raw: d.csv");
        Assert.Equal([1.0, 2.0, 4.0], first.Select(r => D(r["v"])));
        var last = await Run("- dedupe: { keys: [id, Date], keep: last }", "raw: d.csv");
        Assert.Equal([2.0, 4.0, 5.0], last.Select(r => D(r["v"])).Order());
        var whole = await Run("- dedupe: {}", "raw: d.csv");
        Assert.Equal(5, whole.Count);
    }

    [Fact]
    public async Task RegularizeInsertsMissingTimestampsPerSeries()
    {
        var rows = await Run("- regularize: { time: Date, frequency: 12h, by: id }");
        Assert.Equal(
            ["a 2024-01-01 1", "a 2024-01-01 12:00 NULL", "a 2024-01-02 3", "a 2024-01-02 12:00 NULL", "a 2024-01-03 5",
             "b 2024-01-01 100", "b 2024-01-01 12:00 NULL", "b 2024-01-02 200"],
            rows.Select(r => $"{S(r["id"])} {S(r["Date"])} {S(r["v"])}"));
    }

    [Theory]
    [InlineData("linear", "NULL 0 4 8 8")]
    [InlineData("time", "NULL 0 2 8 8")]
    [InlineData("ffill", "NULL 0 0 8 8")]
    [InlineData("bfill", "0 0 8 8 NULL")]
    public async Task InterpolateFillsLikePandas(string method, string expected)
    {
        _f.Write("i.csv", """
            t,id,v
            2024-01-01 00:00:00,c,
            2024-01-01 01:00:00,c,0
            2024-01-01 02:00:00,c,
            2024-01-01 05:00:00,c,8
            2024-01-01 06:00:00,c,

            """);
        var rows = await Run($"- interpolate: {{ columns: [v], method: {method}, time: t, by: id }}", "raw: i.csv");
        Assert.Equal(expected, string.Join(" ", rows.Select(r => S(r["v"]))));
    }

    [Fact]
    public async Task InterpolateWithoutColumnsFillsEveryNumericColumn()
    {
        var rows = await Run("""
            - regularize: { time: Date, frequency: 12h, by: id }
            - interpolate: { method: time, time: Date, by: id }
            """);
        Assert.Equal([1, 2, 3, 4, 5, 100, 150, 200], rows.Select(r => D(r["v"])!.Value));
        Assert.Equal([10, 11, 12, 12, 12, 1, 1.5, 2], rows.Select(r => D(r["w"])!.Value));
    }

    [Fact]
    public async Task ResampleAggregatesPerColumnAndSeries()
    {
        var rows = await Run("""
            - resample:
                time: Date
                frequency: 1d
                by: id
                aggregations: { v: [sum, mean, min, max, first, last, count, median], w: sum }
            """);
        var a1 = rows[0];
        Assert.Equal("a 2024-01-01", $"{S(a1["id"])} {S(a1["Date"])}");
        Assert.Equal([1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 21.0],
            new[] { "v_sum", "v_mean", "v_min", "v_max", "v_first", "v_last", "v_count", "v_median", "w" }.Select(k => D(a1[k])!.Value));
        Assert.Equal(5, rows.Count);
        Assert.Equal(["id", "Date", "v_sum", "v_mean", "v_min", "v_max", "v_first", "v_last", "v_count", "v_median", "w"], a1.Keys);
    }

    [Fact]
    public async Task IntegerSumsStayBigintAndDateColumnsStayDates()
    {
        var rows = await Run("""
            - cast: { Date: date }
            - regularize: { time: Date, frequency: 1d, by: id }
            - resample: { time: Date, frequency: 1w, by: id, aggregations: { w: sum } }
            - expanding: { column: w, function: sum, name: w_total, time: Date, by: id }
            """);
        Assert.Equal(["a 2024-01-01 33 33", "b 2024-01-01 3 3"], rows.Select(r => $"{S(r["id"])} {S(r["Date"])} {S(r["w"])} {S(r["w_total"])}"));
        Assert.IsType<long>(rows[0]["w"]);
        Assert.IsType<long>(rows[0]["w_total"]);
        Assert.IsNotType<DateTime>(rows[0]["Date"]);
    }

    [Fact]
    public async Task ExpandingIsCumulativePerSeries()
    {
        var rows = await Run("- expanding: { column: v, function: sum, name: total, time: Date, by: id }");
        // Like pandas' cumsum: the missing value stays missing and is skipped by the rows after it.
        Assert.Equal(["1", "NULL", "4", "9", "100", "300"], rows.Select(r => S(r["total"])));
        var replaced = await Run("- expanding: { column: v, function: max, name: v, time: Date, by: id }");
        Assert.Equal(["Date", "id", "v", "w"], replaced[0].Keys);
    }

    [Fact]
    public async Task RollingHonoursWindowAndMinPeriods()
    {
        var rows = await Run("- rolling: { column: w, window: 2, aggregations: [mean, max], time: Date, by: id }");
        // pandas counts only non-missing values towards min_periods, so [12, NaN] has no mean.
        Assert.Equal(["NULL", "10.5", "11.5", "NULL", "NULL", "1.5"], rows.Select(r => S(r["w_roll2_mean"])));
        var loose = await Run("- rolling: { column: w, window: 2, aggregations: [sum], time: Date, by: id, min_periods: 1 }");
        Assert.Equal(["10", "21", "23", "12", "1", "3"], loose.Select(r => S(r["w_roll2_sum"])));
    }

    [Fact]
    public async Task LagShiftsWithinEachSeries()
    {
        var rows = await Run("- lag: { columns: [w], lags: [1, 2], time: Date, by: id }");
        Assert.Equal(["NULL", "10", "11", "12", "NULL", "1"], rows.Select(r => S(r["w_lag1"])));
        Assert.Equal(["NULL", "NULL", "10", "11", "NULL", "NULL"], rows.Select(r => S(r["w_lag2"])));
    }

    [Fact]
    public async Task CalendarAddsPandasStyleFeatures()
    {
        _f.Write("c.csv", "Date\n2024-01-06 13:00:00\n2024-12-30 00:00:00\n");
        var rows = await Run("- calendar: { column: Date, prefix: cal_ }", "raw: c.csv");
        var sat = rows[0];
        Assert.Equal("5 1 6 6 1 1 2024 13 True",
            string.Join(" ", new[] { "day_of_week", "month", "day_of_month", "day_of_year", "week_of_year", "quarter", "year", "hour", "is_weekend" }.Select(k => S(sat["cal_" + k]))));
        Assert.Equal("0 1 False", $"{S(rows[1]["cal_day_of_week"])} {S(rows[1]["cal_week_of_year"])} {S(rows[1]["cal_is_weekend"])}");
        var some = await Run("- calendar: { column: Date, features: [month] }", "raw: c.csv");
        Assert.Equal(["Date", "month"], some[0].Keys);
    }

    [Fact]
    public async Task JoinInnerAndLeft()
    {
        _f.Write("meta.csv", "id,w,model\na,0,X1\n");
        var inner = await Run("- join: { with: meta, on: [id], how: inner }", "raw: s.csv\nmeta: meta.csv");
        Assert.Equal(4, inner.Count);
        Assert.Equal(["Date", "id", "v", "w", "w_meta", "model"], inner[0].Keys);
        var left = await Run("- join: { with: meta, on: id, how: left }", "raw: s.csv\nmeta: meta.csv");
        Assert.Equal(6, left.Count);
        Assert.Equal(2, left.Count(r => r["model"] is null));
    }

    [Fact]
    public async Task ConcatUnionsByName()
    {
        _f.Write("more.csv", "w,id,Date\n99,c,2024-02-01 00:00:00\n");
        var rows = await Run("- concat: [more]", "raw: s.csv\nmore: more.csv");
        Assert.Equal(7, rows.Count);
        var c = rows.Single(r => (string?)r["id"] == "c");
        Assert.Null(c["v"]);
        Assert.Equal(99.0, D(c["w"]));
    }

    [Fact]
    public async Task SqlSeesThePreviousStepAndNamedRelations()
    {
        _f.Write("meta.csv", "id,model\na,X1\nb,X2\n");
        var rows = await Run("""
            - filter: "id = 'a'"
            - sql: "SELECT p.id, count(*) AS n, any_value(m.model) AS model FROM {{input}} p JOIN {{meta}} m USING (id) GROUP BY p.id"
            - sql: SELECT *, n * 2 AS n2 FROM previous
            """, "raw: s.csv\nmeta: meta.csv");
        Assert.Equal("a 4 X1 8", string.Join(" ", rows.Single().Values.Select(S)));
    }

    [Fact]
    public async Task SplitByTimeFeedsNamedOutputs()
    {
        var result = await _f.RunAsync("""
            inputs: { raw: s.csv }
            steps:
              - split: { by: time, column: Date, cutoff: '2024-01-02', into: [train, test] }
              - select: [id, v]
                as: train_small
            outputs:
              - parquet: train.parquet
                from: train
              - parquet: { path: test.parquet, from: test }
              - csv: small.csv
            """);
        Assert.Equal(3, (await _f.ReadAsync("train.parquet")).Count);
        Assert.Equal(3, (await _f.ReadAsync("test.parquet")).Count);
        Assert.Equal("id,v", File.ReadAllLines(_f.PathOf("small.csv"))[0]);
        Assert.Equal([6L, 3L], result.Steps.Select(s => s.RowsIn));
        Assert.Equal([3, 3, 3], result.Outputs.Select(o => o.Rows));
    }

    [Fact]
    public async Task SplitByRandomIsSeededAndDeterministic()
    {
        var lines = string.Join("\n", Enumerable.Range(0, 1000).Select(i => $"{i},{i % 7}"));
        _f.Write("n.csv", "i,k\n" + lines + "\n");
        const string Steps = "- split: { by: random, fraction: 0.8, seed: 7, into: [train, test] }";
        var a = await Run(Steps, "raw: n.csv");
        var b = await Run(Steps, "raw: n.csv");
        Assert.Equal(a.Select(r => S(r["i"])), b.Select(r => S(r["i"])));
        Assert.InRange(a.Count, 740, 860);
        var other = await Run(Steps.Replace("seed: 7", "seed: 8", StringComparison.Ordinal), "raw: n.csv");
        Assert.NotEqual(a.Select(r => S(r["i"])), other.Select(r => S(r["i"])));
    }
}
