namespace Prognos.Data.Prep;

/// <summary>A scalar from the recipe together with where it was written, so errors can point at it.</summary>
internal readonly record struct Located(string Value, SourceLocation At)
{
    public override string ToString() => Value;
}
