namespace Prognos.Datasets;

/// <summary>One column of a dataset version: its name and DuckDB type (e.g. <c>DOUBLE</c>, <c>TIMESTAMP</c>).</summary>
public sealed record DatasetColumn(string Name, string Type);
