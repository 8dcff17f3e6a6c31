using System.Globalization;
using System.Text;
using Prognos.Errors;
using Prognos.Learning.Forecasting;

namespace Prognos.Cli.Forecasting;

/// <summary>
/// Reads a CSV of observations into one regular <see cref="TimeSeries"/> per series id. Errors name the file, the
/// column, the row (1 = the first data row, i.e. line 2) and the fix.
/// </summary>
internal static class SeriesCsvReader
{
    private static readonly string[] DateFormats =
    [
        "yyyy-MM", "yyyy-MM-dd", "yyyy/MM/dd", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss",
        "yyyy-MM-ddTHH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy",
    ];

    public static IReadOnlyList<TimeSeries> Read(string path, string timeColumn, string target, string? seriesIdColumn)
    {
        using var reader = Open(path);
        return Read(reader, Path.GetFileName(path), timeColumn, target, seriesIdColumn);
    }

    public static IReadOnlyList<TimeSeries> Read(TextReader reader, string fileName, string timeColumn, string target, string? seriesIdColumn) =>
        ReadObservations(reader, fileName, timeColumn, target, seriesIdColumn).Select(s => Build(s, fileName, seriesIdColumn)).ToList();

    /// <summary>The rows of each series in file order, without frequency checks (for scoring new actuals).</summary>
    public static IReadOnlyList<SeriesObservations> ReadObservations(string path, string timeColumn, string target, string? seriesIdColumn)
    {
        using var reader = Open(path);
        return ReadObservations(reader, Path.GetFileName(path), timeColumn, target, seriesIdColumn);
    }

    private static StreamReader Open(string path) => File.Exists(path)
        ? new StreamReader(path)
        : throw PrognosException.NotFound($"--file '{path}' does not exist; pass the path of a CSV file with a header row.");

    public static IReadOnlyList<SeriesObservations> ReadObservations(TextReader reader, string fileName, string timeColumn, string target, string? seriesIdColumn)
    {
        var header = reader.ReadLine() is { } first ? SplitLine(first.TrimStart('\uFEFF')) : throw PrognosException.InvalidParameter($"{fileName} is empty; it needs a header row and data rows.");
        var timeIndex = Column(header, timeColumn, "--time-column", fileName);
        var targetIndex = Column(header, target, "--target", fileName);
        var idIndex = seriesIdColumn is null ? -1 : Column(header, seriesIdColumn, "--series-id", fileName);

        var rowsById = new Dictionary<string, List<Observation>>(StringComparer.Ordinal);
        var order = new List<string>();
        var row = 0;
        while (reader.ReadLine() is { } line)
        {
            row++;
            if (line.Length == 0)
            {
                continue;
            }

            var cells = SplitLine(line);
            if (cells.Count < header.Count)
            {
                throw PrognosException.InvalidParameter($"{fileName} row {row} (line {row + 1}) has {cells.Count} cells but the header has {header.Count}; fix the row.");
            }

            var time = ParseTime(cells[timeIndex])
                ?? throw PrognosException.InvalidParameter(
                    $"{fileName} row {row} (line {row + 1}): column '{timeColumn}' value '{cells[timeIndex]}' is not a date; use yyyy-MM, yyyy-MM-dd or an ISO-8601 timestamp.");
            var value = ParseValue(cells[targetIndex])
                ?? throw PrognosException.InvalidParameter(
                    $"{fileName} row {row} (line {row + 1}): column '{target}' value '{cells[targetIndex]}' is not a number; write e.g. 112 or 0.5 (an empty cell is a missing value).");
            var id = idIndex < 0 ? string.Empty : cells[idIndex];
            if (!rowsById.TryGetValue(id, out var rows))
            {
                rowsById[id] = rows = [];
                order.Add(id);
            }

            rows.Add(new Observation(time, value, row));
        }

        if (order.Count == 0)
        {
            throw PrognosException.InvalidParameter($"{fileName} has a header but no data rows.");
        }

        return order.Select(id => new SeriesObservations(idIndex < 0 ? null : id, rowsById[id])).ToList();
    }

    private static TimeSeries Build(SeriesObservations observations, string fileName, string? seriesIdColumn)
    {
        var id = observations.SeriesId;
        var rows = observations.Rows.ToList();
        var where = id is null ? string.Empty : $" for {seriesIdColumn} '{id}'";
        rows.Sort((a, b) => a.Time.CompareTo(b.Time) is var c && c != 0 ? c : a.Row.CompareTo(b.Row));
        for (var i = 1; i < rows.Count; i++)
        {
            if (rows[i].Time == rows[i - 1].Time)
            {
                throw PrognosException.InvalidParameter(
                    $"{fileName}: duplicate timestamp {Iso(rows[i].Time)}{where} at rows {rows[i - 1].Row} and {rows[i].Row}; " +
                    (id is null ? "if the file holds several series pass --series-id COLUMN, else " : string.Empty) + "aggregate or drop the duplicates first.");
            }
        }

        var timestamps = rows.Select(r => r.Time).ToArray();
        Frequency frequency;
        try
        {
            frequency = FrequencyInference.Infer(timestamps);
        }
        catch (ForecastingException ex)
        {
            throw PrognosException.InvalidParameter($"{fileName}{where}: {ex.Message}");
        }

        var series = new TimeSeries(timestamps, rows.Select(r => r.Value).ToArray(), frequency, id);
        return series.Values.Any(double.IsNaN) ? MissingValues.Apply(series, MissingValuePolicy.Interpolate) : series;
    }

    /// <summary>Parses yyyy-MM, yyyy-MM-dd, ISO-8601 timestamps (with or without offset) as UTC; null when none fits.</summary>
    public static DateTime? ParseTime(string text)
    {
        var trimmed = text.Trim();
        if (DateTime.TryParseExact(trimmed, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var exact))
        {
            return DateTime.SpecifyKind(exact, DateTimeKind.Utc);
        }

        // Only ISO-shaped text (yyyy-...) reaches the lenient parser: 12/03/2024 is ambiguous and is refused.
        if (trimmed.Length >= 10 && char.IsAsciiDigit(trimmed[0]) && trimmed[4] == '-' &&
            DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var withOffset))
        {
            return withOffset.UtcDateTime;
        }

        return null;
    }

    private static double? ParseValue(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0 || trimmed.Equals("NA", StringComparison.OrdinalIgnoreCase) || trimmed.Equals("NaN", StringComparison.OrdinalIgnoreCase))
        {
            return double.NaN;
        }

        return double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value : null;
    }

    private static int Column(List<string> header, string name, string option, string fileName)
    {
        var index = header.FindIndex(h => string.Equals(h.Trim(), name, StringComparison.Ordinal));
        if (index < 0)
        {
            index = header.FindIndex(h => string.Equals(h.Trim(), name, StringComparison.OrdinalIgnoreCase));
        }

        return index >= 0 ? index : throw PrognosException.InvalidParameter(
            $"{option} '{name}' is not a column of {fileName}; its columns are: {string.Join(", ", header.Select(h => h.Trim()))}.");
    }

    /// <summary>Splits one CSV line (RFC 4180 quotes; no line breaks inside quotes).</summary>
    private static List<string> SplitLine(string line)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else if (c != '\r')
            {
                cell.Append(c);
            }
        }

        cells.Add(cell.ToString());
        return cells;
    }

    public static string Iso(DateTime time) => time.TimeOfDay == TimeSpan.Zero
        ? time.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
        : time.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
