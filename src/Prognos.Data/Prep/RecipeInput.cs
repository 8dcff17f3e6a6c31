namespace Prognos.Data.Prep;

/// <summary>
/// A named input of a recipe: files (<see cref="Path"/>, a glob is allowed) or a dataset version
/// (<see cref="Dataset"/>, e.g. <c>battery-raw:3</c>) that the caller's resolver turns into a Parquet file.
/// </summary>
public sealed record RecipeInput(
    string Name,
    string? Path,
    string? Dataset,
    string Format,
    bool SkipBadRows,
    IReadOnlyDictionary<string, string> Types,
    string? Delimiter,
    bool Header,
    SourceLocation Location);
