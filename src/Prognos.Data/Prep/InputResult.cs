namespace Prognos.Data.Prep;

/// <summary>An input as loaded: rows kept, rows rejected (only with on_error: skip) and where the rejects were written.</summary>
public sealed record InputResult(string Name, string Source, long Rows, long RejectedRows, string? RejectsPath);
