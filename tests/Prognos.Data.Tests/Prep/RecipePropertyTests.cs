using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static Prognos.Data.Tests.Prep.PrepFolder;

namespace Prognos.Data.Tests.Prep;

/// <summary>Invariants that hold for any data: dedupe is idempotent, an expanding sum ends at the series total.</summary>
public sealed class RecipePropertyTests
{
    [Property(MaxTest = 12)]
    public async Task<bool> DedupeIsIdempotentAndKeepsEveryKey(int[] values)
    {
        using var f = new PrepFolder();
        var rows = values.Select(x => (Id: Math.Abs(x % 3), Day: Math.Abs(x / 3 % 5) + 1, V: x)).ToList();
        f.Write("d.csv", "id,day,v\n" + string.Concat(rows.Select(r => $"{r.Id},{r.Day},{r.V}\n")));
        await f.RunAsync("""
            inputs: { raw: { path: d.csv, types: { id: int, day: int, v: int } } }
            steps:
              - dedupe: { keys: [id, day], keep: last, order_by: v }
                as: once
              - dedupe: { keys: [id, day], keep: last, order_by: v }
            outputs:
              - parquet: { path: once.parquet, from: once }
              - parquet: twice.parquet
            """);
        var once = (await f.ReadAsync("once.parquet")).Select(r => $"{S(r["id"])}/{S(r["day"])}/{S(r["v"])}").ToList();
        var twice = (await f.ReadAsync("twice.parquet")).Select(r => $"{S(r["id"])}/{S(r["day"])}/{S(r["v"])}").ToList();
        var keys = rows.Select(r => (r.Id, r.Day)).Distinct().Count();
        var maxima = rows.GroupBy(r => (r.Id, r.Day)).Select(g => $"{g.Key.Id}/{g.Key.Day}/{g.Max(r => r.V)}").Order();
        return once.SequenceEqual(twice) && once.Count == keys && once.Order().SequenceEqual(maxima);
    }

    [Property(MaxTest = 12)]
    public async Task<bool> ExpandingSumEndsAtTheSeriesTotal(NonEmptyArray<short> values)
    {
        using var f = new PrepFolder();
        var rows = values.Get.Select((x, i) => (Id: Math.Abs(x % 4), T: i, V: x / 10.0)).ToList();
        f.Write("e.csv", "id,t,v\n" + string.Concat(rows.Select(r => $"{r.Id},{new DateTime(2020, 1, 1).AddHours(r.T):yyyy-MM-dd HH:mm:ss},{r.V.ToString(System.Globalization.CultureInfo.InvariantCulture)}\n")));
        await f.RunAsync("""
            inputs: { raw: { path: e.csv, types: { id: int, t: timestamp, v: double } } }
            steps:
              - expanding: { column: v, function: sum, name: total, time: t, by: id }
            outputs: [ { parquet: out.parquet } ]
            """);
        var last = (await f.ReadAsync("out.parquet")).GroupBy(r => (long)r["id"]!).ToDictionary(g => g.Key, g => D(g.Last()["total"])!.Value);
        var totals = rows.GroupBy(r => (long)r.Id).ToDictionary(g => g.Key, g => g.Sum(r => r.V));
        return last.Count == totals.Count && totals.All(t => Math.Abs(last[t.Key] - t.Value) <= 1e-9 * Math.Max(1, Math.Abs(t.Value)));
    }
}
