using System.Globalization;
using Prognos.Data.Prep;

namespace Prognos.Data.Datasets;

/// <summary>Computes a <see cref="DatasetProfile"/> of a DuckDB table with a few vectorised queries per column.</summary>
internal static class DatasetProfiler
{
    private const int Bins = 20;
    private static readonly double[] QuantileLevels = [0.05, 0.25, 0.5, 0.75, 0.95];

    public static DatasetProfile Profile(DuckDbSession db, string table, string? timeColumn, string? seriesIdColumn, CancellationToken cancellationToken)
    {
        var rows = db.Count(table, cancellationToken);
        var columns = db.Describe(table, cancellationToken).Select(c => ProfileColumn(db, table, c, cancellationToken)).ToList();
        var time = timeColumn is null ? null : ProfileTime(db, table, timeColumn, seriesIdColumn, cancellationToken);
        return new DatasetProfile(rows, columns, time);
    }

    private static ColumnProfile ProfileColumn(DuckDbSession db, string table, RelationColumn column, CancellationToken cancellationToken)
    {
        var id = Sql.Id(column.Name);
        var basic = db.Rows($"SELECT count({id}), count(*) - count({id}), approx_count_distinct({id}), CAST(min({id}) AS VARCHAR), CAST(max({id}) AS VARCHAR) FROM {table}", cancellationToken)[0];
        var count = Long(basic[0]);
        if (!column.IsNumeric || count == 0)
        {
            var top = db.Rows($"SELECT CAST({id} AS VARCHAR) AS prognos_value, count(*) AS prognos_count FROM {table} WHERE {id} IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 10", cancellationToken)
                .Select(r => new ValueCount((string)r[0]!, Long(r[1]))).ToList();
            return new ColumnProfile(column.Name, column.DuckDbType, count, Long(basic[1]), Long(basic[2]), basic[3] as string, basic[4] as string, null, null, null, top, null);
        }

        var value = $"CAST({id} AS DOUBLE)";
        // One exact quantile aggregate with a list of levels sorts the column once, not once per level.
        var levels = "[" + string.Join(", ", QuantileLevels.Select(Sql.Num)) + "]";
        var stats = db.Rows($"SELECT avg({value}), stddev_samp({value}), min({value}), max({value}), quantile_cont({value}, {levels}) FROM {table}", cancellationToken)[0];
        var values = stats[4] is System.Collections.IEnumerable list ? list.Cast<object?>().Select(Double).ToList() : [];
        var quantiles = QuantileLevels.Select((q, i) => (Key: $"p{q * 100:00}", Value: i < values.Count ? values[i] : double.NaN)).ToDictionary(p => p.Key, p => p.Value);
        var min = Double(stats[2]);
        var max = Double(stats[3]);
        var histogram = HistogramOf(db, table, value, min, max, cancellationToken);
        return new ColumnProfile(column.Name, column.DuckDbType, count, Long(basic[1]), Long(basic[2]), basic[3] as string, basic[4] as string,
            Double(stats[0]), stats[1] is null ? null : Double(stats[1]), quantiles, null, histogram);
    }

    private static Histogram HistogramOf(DuckDbSession db, string table, string value, double min, double max, CancellationToken cancellationToken)
    {
        var width = max > min ? (max - min) / Bins : 1;
        var edges = Enumerable.Range(0, Bins + 1).Select(i => min + (i * width)).ToList();
        var counts = new long[Bins];
        var sql = $"SELECT least(CAST(floor(({value} - {Sql.Num(min)}) / {Sql.Num(width)}) AS BIGINT), {Bins - 1}) AS prognos_bin, count(*) FROM {table} WHERE {value} IS NOT NULL AND isfinite({value}) GROUP BY 1";
        foreach (var row in db.Rows(sql, cancellationToken))
        {
            var bin = (int)Math.Clamp(Long(row[0]), 0, Bins - 1);
            counts[bin] += Long(row[1]);
        }

        return new Histogram(edges, counts);
    }

    private static TimeProfile ProfileTime(DuckDbSession db, string table, string timeColumn, string? seriesIdColumn, CancellationToken cancellationToken)
    {
        var t = Sql.Id(timeColumn);
        var ts = $"CAST({t} AS TIMESTAMP)";
        var partition = seriesIdColumn is null ? "" : $"PARTITION BY {Sql.Id(seriesIdColumn)} ";
        var seriesCount = seriesIdColumn is null ? 1 : Long(db.Scalar($"SELECT count(DISTINCT {Sql.Id(seriesIdColumn)}) FROM {table}", cancellationToken));
        var bounds = db.Rows($"SELECT CAST(min({ts}) AS VARCHAR), CAST(max({ts}) AS VARCHAR) FROM {table}", cancellationToken)[0];
        var steps = $"(SELECT epoch({ts}) - lag(epoch({ts})) OVER ({partition}ORDER BY {ts}) AS d FROM {table} WHERE {t} IS NOT NULL)";
        var mode = db.Scalar($"SELECT mode(d) FROM {steps} WHERE d > 0", cancellationToken);
        var stepSeconds = mode is null ? (double?)null : Convert.ToDouble(mode, CultureInfo.InvariantCulture);
        var duplicates = Long(db.Scalar($"SELECT count(*) FROM {steps} WHERE d = 0", cancellationToken));
        var gaps = stepSeconds is { } s
            ? Long(db.Scalar($"SELECT count(*) FROM {steps} WHERE d > {Sql.Num(FrequencyTolerance(s) * s)}", cancellationToken))
            : 0;
        return new TimeProfile(timeColumn, seriesIdColumn, seriesCount, bounds[0] as string, bounds[1] as string, stepSeconds is { } step ? FrequencyName(step) : null, gaps, duplicates);
    }

    // Calendar months and years vary in length: a step is a gap only when clearly longer than one period.
    private static double FrequencyTolerance(double seconds) => seconds >= 28 * 86400 ? 1.15 : 1.5;

    /// <summary>A step in seconds as a frequency name: 15min, 1h, 12h, 1d, 7d, 1mo, 3mo, 1y, or seconds.</summary>
    internal static string FrequencyName(double seconds)
    {
        const double day = 86400;
        if (seconds >= 28 * day && seconds <= 31 * day)
        {
            return "1mo";
        }

        if (seconds >= 89 * day && seconds <= 92 * day)
        {
            return "3mo";
        }

        if (seconds >= 365 * day && seconds <= 366 * day)
        {
            return "1y";
        }

        if (seconds % day == 0)
        {
            return $"{seconds / day:0}d";
        }

        if (seconds % 3600 == 0)
        {
            return $"{seconds / 3600:0}h";
        }

        return seconds % 60 == 0 ? $"{seconds / 60:0}min" : $"{seconds:0.###}s";
    }

    private static long Long(object? value) => value is null ? 0 : Convert.ToInt64(value, CultureInfo.InvariantCulture);

    private static double Double(object? value) => value is null ? double.NaN : Convert.ToDouble(value, CultureInfo.InvariantCulture);
}
