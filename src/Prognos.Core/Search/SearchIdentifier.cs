namespace Prognos.Search;

/// <summary>An identifier as parsed: what it names, and the text as written (for error messages).</summary>
internal readonly record struct SearchIdentifier(SearchEntity Entity, string Key, string Text);
