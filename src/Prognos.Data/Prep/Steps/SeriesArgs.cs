namespace Prognos.Data.Prep.Steps;

/// <summary>The `by:` (series id columns) and `time:` settings shared by the time-series steps.</summary>
internal sealed record SeriesArgs(IReadOnlyList<Located> By, Located Time)
{
    public static SeriesArgs Parse(YamlArgs a, string kind) =>
        new(a.OptionalList("by"), a.String("time", $"time: Date (the column that orders each series in '{kind}')"));

    public IReadOnlyList<string> ByColumns(StepBuild b) => b.Columns(By);

    public string Partition(StepBuild b) => Sql.PartitionBy(ByColumns(b));

    /// <summary>ORDER BY inside a window: time, then arrival order so ties are stable.</summary>
    public string WindowOrder(StepBuild b) => $"{Sql.Id(b.Temporal(Time).Name)}, rowid";

    public string ResultOrder(StepBuild b) => Sql.OrderBy(ByColumns(b), b.Column(Time).Name);
}
