namespace Prognos.Data.Datasets;

/// <summary>
/// What to register: <paramref name="Source"/> is a file, a glob (<c>data/*.csv</c>), <c>DATASTORE:PATH</c> in a
/// folder datastore or <c>DATASTORE:TABLE</c> in an SQLite/PostgreSQL datastore.
/// </summary>
public sealed record DatasetRegistration(
    string Name,
    string Source,
    string Format = "csv",
    string? TimeColumn = null,
    string? SeriesIdColumn = null,
    bool Reference = false,
    string? Description = null,
    string? RunId = null,
    IReadOnlyList<string>? Inputs = null,
    bool SkipBadRows = false);
