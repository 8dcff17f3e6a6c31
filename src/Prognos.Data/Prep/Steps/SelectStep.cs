namespace Prognos.Data.Prep.Steps;

/// <summary>`select: [a, b]` keeps those columns, in that order.</summary>
internal sealed class SelectStep(StepHeader header, IReadOnlyList<Located> columns) : RecipeStep(header)
{
    public static SelectStep Parse(StepHeader h, YamlArgs a) =>
        new(h, a.IsMapping ? a.List("columns", "columns: [Date, Battery_ID]") : a.ScalarList());

    internal override IReadOnlyList<string> BuildSql(StepBuild b) =>
        [$"SELECT {Sql.Ids(b.Columns(columns))} FROM {b.Previous}"];
}
