namespace Prognos.Data.Prep;

/// <summary>Where a named relation comes from: input number <see cref="Input"/>, or output <see cref="Output"/> of step <see cref="Step"/>.</summary>
internal readonly record struct RelationRef(int Input, int Step, int Output)
{
    public static RelationRef OfInput(int i) => new(i, -1, 0);

    public static RelationRef OfStep(int s, int output = 0) => new(-1, s, output);

    public bool IsStep => Step >= 0;

    public string Table(string stepPrefix) => IsStep ? $"{stepPrefix}{Step}_{Output}" : $"in_{Input}";
}
