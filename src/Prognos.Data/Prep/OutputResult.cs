namespace Prognos.Data.Prep;

/// <summary>One output as written: its kind and target, the relation written, and its rows.</summary>
public sealed record OutputResult(RecipeOutputKind Kind, string Target, string Relation, long Rows);
