namespace Prognos.Data.Prep;

/// <summary>Where a recipe output goes.</summary>
public enum RecipeOutputKind
{
    Parquet,
    Csv,
    Dataset,
    Table,
}
