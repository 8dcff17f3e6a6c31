using System.Globalization;
using Prognos.Data.Prep;

namespace Prognos.Bench.Data;

/// <summary>
/// <c>prep-compare</c>: our Parquet output against the pandas reference CSV — row counts, per-column sums, and every
/// row matched on (Battery_ID, Date) with values equal within a relative 1e-6 (missing equals missing).
/// </summary>
internal static class BatteryPrepComparison
{
    private static readonly string[] Measures =
        ["Battery_Age_Days", "Number_Of_Trips", "Daily_Trip_Duration", "Daily_Cycles_Used", "Lifetime_Cycles_Used", "Battery_Rated_Cycles"];

    private const double Tolerance = 1e-6;

    public static int Run(DataBenchArgs args)
    {
        var ours = Path.GetFullPath(args.Required("ours"));
        var pandas = Path.GetFullPath(args.Required("pandas"));
        using var db = DuckDbSession.Open(":memory:");
        db.Execute($"CREATE VIEW ours AS SELECT * FROM read_parquet({Sql.Str(ours)})");
        var types = string.Join(", ", Measures.Select(m => $"'{m}': 'DOUBLE'"));
        db.Execute($"CREATE VIEW pandas AS SELECT * FROM read_csv({Sql.Str(pandas)}, header = true, columns = {{'Date': 'DATE', 'Battery_ID': 'VARCHAR', {types}}})");

        var ok = true;
        var oursRows = db.Count("ours");
        var pandasRows = db.Count("pandas");
        ok &= oursRows == pandasRows;
        Console.WriteLine($"  rows: ours {oursRows}, pandas {pandasRows} {(oursRows == pandasRows ? "equal" : "DIFFER")}");

        foreach (var m in Measures)
        {
            var a = Convert.ToDouble(db.Scalar($"SELECT sum({m}) FROM ours") ?? 0.0, CultureInfo.InvariantCulture);
            var b = Convert.ToDouble(db.Scalar($"SELECT sum({m}) FROM pandas") ?? 0.0, CultureInfo.InvariantCulture);
            var relative = Math.Abs(a - b) / Math.Max(Math.Abs(b), 1e-300);
            var same = relative <= Tolerance;
            ok &= same;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  sum({m}): ours {a:R}, pandas {b:R}, relative difference {relative:E2} {(same ? "ok" : "DIFFERS")}"));
        }

        var differing = string.Join(" OR ", Measures.Select(m =>
            $"(o.{m} IS NULL) <> (p.{m} IS NULL) OR abs(o.{m} - p.{m}) > {Tolerance.ToString("R", CultureInfo.InvariantCulture)} * greatest(abs(p.{m}), 1e-12)"));
        var unmatched = db.Count("(SELECT 1 FROM ours o FULL JOIN pandas p ON o.Battery_ID = p.Battery_ID AND CAST(o.Date AS DATE) = p.Date WHERE o.Battery_ID IS NULL OR p.Battery_ID IS NULL)");
        var different = db.Count($"(SELECT 1 FROM ours o JOIN pandas p ON o.Battery_ID = p.Battery_ID AND CAST(o.Date AS DATE) = p.Date WHERE {differing})");
        ok &= unmatched == 0 && different == 0;
        Console.WriteLine($"  rows on one side only: {unmatched}; matched rows with a value off by more than 1e-6 relative: {different}");
        Console.WriteLine($"RESULT prep-compare rows_ours={oursRows} rows_pandas={pandasRows} unmatched={unmatched} different={different} equal={(ok ? "yes" : "no")}");
        return ok ? 0 : 2;
    }
}
