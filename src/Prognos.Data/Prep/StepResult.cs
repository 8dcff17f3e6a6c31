namespace Prognos.Data.Prep;

/// <summary>One step as run: rows in (of the relation it started from), rows out, and its duration.</summary>
public sealed record StepResult(int Index, string Kind, SourceLocation Location, long RowsIn, long RowsOut, TimeSpan Elapsed);
