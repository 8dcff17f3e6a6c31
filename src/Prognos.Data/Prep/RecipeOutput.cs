namespace Prognos.Data.Prep;

/// <summary>
/// One output of a recipe. <see cref="Target"/> is a file path (Parquet, CSV), a dataset name (Dataset) or a
/// table name (Table, with <see cref="Datastore"/> and <see cref="Mode"/> replace|append). <see cref="From"/>
/// names the relation written; null means the result of the last step.
/// </summary>
public sealed record RecipeOutput(
    RecipeOutputKind Kind,
    string Target,
    string? From,
    string? Datastore,
    string? Mode,
    SourceLocation Location);
