namespace Prognos.Data.Prep;

/// <summary>What every step has: its kind and place, and the optional `input:` and `as:` names.</summary>
internal sealed record StepHeader(string Kind, SourceLocation At, Located? Input, Located? As);
