namespace Prognos.Data.Prep;

/// <summary>A relation inside the run's database: its (unquoted) table name and schema.</summary>
internal sealed record Relation(string Table, IReadOnlyList<RelationColumn> Columns)
{
    public string Sql => Prep.Sql.Id(Table);
}
