namespace Prognos.Data.Prep.Steps;

/// <summary>`lag: { columns: [x], lags: [1, 7], time: Date, by: id }` adds x_lag1, x_lag7: the value N rows earlier in the series.</summary>
internal sealed class LagStep(StepHeader header, SeriesArgs series, IReadOnlyList<Located> columns, IReadOnlyList<int> lags) : RecipeStep(header)
{
    public static LagStep Parse(StepHeader h, YamlArgs a)
    {
        var s = SeriesArgs.Parse(a, "lag");
        var cols = a.List("columns", "columns: [Daily_Cycles_Used]");
        var lags = a.List("lags", "lags: [1, 7]").Select(l => int.TryParse(l.Value, out var n) && n > 0
            ? n
            : throw RecipeErrors.At(l.At, $"lag '{l.Value}' must be a whole number > 0.")).ToList();
        return new(h, s, cols, lags);
    }

    internal override IReadOnlyList<string> BuildSql(StepBuild b)
    {
        var over = $"OVER ({series.Partition(b)}ORDER BY {series.WindowOrder(b)})";
        var added = b.Columns(columns).SelectMany(c => lags.Select(l => ($"{c}_lag{l}", $"lag({Sql.Id(c)}, {l}) {over}"))).ToList();
        return [WindowColumns.Select(b, added, series.ResultOrder(b))];
    }
}
