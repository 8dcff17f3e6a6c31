namespace Prognos.Data.Prep;

/// <summary>A place in a recipe file: file name, 1-based line and column.</summary>
public sealed record SourceLocation(string File, int Line, int Column)
{
    public override string ToString() => $"{File}:{Line}:{Column}";
}
