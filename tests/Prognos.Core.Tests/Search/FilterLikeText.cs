namespace Prognos.Core.Tests.Search;

/// <summary>Text that looks like a filter, so random inputs reach deep into the parser rather than failing at position 1.</summary>
public sealed record FilterLikeText(string Value);
