namespace Prognos.Data.Prep;

/// <summary>A parsed data-prep recipe: named inputs, steps that each turn a relation into a new one, and outputs.</summary>
public sealed record Recipe(
    string Name,
    string SourceName,
    IReadOnlyList<RecipeInput> Inputs,
    IReadOnlyList<RecipeStep> Steps,
    IReadOnlyList<RecipeOutput> Outputs);
