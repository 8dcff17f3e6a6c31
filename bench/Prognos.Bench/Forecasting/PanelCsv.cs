using System.Globalization;
using Prognos.Learning.Forecasting;

namespace Prognos.Bench.Forecasting;

/// <summary>Reads the synthetic monthly panel (<c>series_id,date,value</c>) as tools/reference/bench_r_forecast.R does.</summary>
internal static class PanelCsv
{
    /// <summary>
    /// The first <paramref name="limit"/> series in order of first appearance (0 = all), each sorted by date, with
    /// the last <paramref name="horizon"/> points held out.
    /// </summary>
    public static IReadOnlyList<HoldoutSeries> Read(string path, int limit, int horizon)
    {
        var order = new List<string>();
        var rows = new Dictionary<string, List<(DateTime Date, double Value)>>(StringComparer.Ordinal);
        using var reader = new StreamReader(path);
        var header = reader.ReadLine() ?? throw new InvalidDataException($"{path} is empty.");
        if (!header.StartsWith("series_id,date,value", StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{path}: expected the header 'series_id,date,value', got '{header}'.");
        }

        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            var parts = line.Split(',');
            if (!rows.TryGetValue(parts[0], out var list))
            {
                order.Add(parts[0]);
                rows[parts[0]] = list = [];
            }

            var date = DateTime.SpecifyKind(DateTime.ParseExact(parts[1], "yyyy-MM-dd", CultureInfo.InvariantCulture), DateTimeKind.Utc);
            list.Add((date, double.Parse(parts[2], CultureInfo.InvariantCulture)));
        }

        var ids = limit > 0 ? order.Take(limit) : order;
        return ids.Select(id =>
        {
            var points = rows[id].OrderBy(p => p.Date).ToArray();
            var n = points.Length - horizon;
            if (n <= 0)
            {
                throw new InvalidDataException($"{path}: series {id} has {points.Length} points, not more than the horizon {horizon}.");
            }

            var train = new TimeSeries(points[..n].Select(p => p.Date).ToArray(), points[..n].Select(p => p.Value).ToArray(), Frequency.MonthlyStart, id);
            return new HoldoutSeries(id, train, points[n..].Select(p => p.Value).ToArray());
        }).ToArray();
    }
}
