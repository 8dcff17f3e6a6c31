namespace Prognos.Data.Prep.Steps;

/// <summary>`filter: "SQL expression"` keeps the rows for which the expression is true.</summary>
internal sealed class FilterStep(StepHeader header, Located expression) : RecipeStep(header)
{
    public static FilterStep Parse(StepHeader h, YamlArgs a) =>
        new(h, a.IsMapping ? a.String("where", "where: \"Date < '2015-01-01'\"") : a.Scalar());

    internal override IReadOnlyList<string> BuildSql(StepBuild b) =>
        [$"SELECT * FROM {b.Previous} WHERE ({expression.Value})"];
}
