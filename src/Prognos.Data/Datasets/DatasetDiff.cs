using Prognos.Datasets;

namespace Prognos.Data.Datasets;

/// <summary>Compares two dataset versions: schema changes and, per column, the profile figures that moved.</summary>
public static class DatasetDiff
{
    public static DatasetDiffResult Compare(DatasetVersion a, DatasetProfile profileA, DatasetVersion b, DatasetProfile profileB)
    {
        var left = profileA.Columns.ToDictionary(c => c.Name);
        var right = profileB.Columns.ToDictionary(c => c.Name);
        var names = profileA.Columns.Select(c => c.Name).Concat(profileB.Columns.Select(c => c.Name).Where(n => !left.ContainsKey(n))).ToList();
        var columns = names.Select(name =>
        {
            left.TryGetValue(name, out var x);
            right.TryGetValue(name, out var y);
            var change = x is null ? "added"
                : y is null ? "removed"
                : x.Type != y.Type ? "type changed"
                : x.Nulls != y.Nulls || !Same(x.Mean, y.Mean) || x.Min != y.Min || x.Max != y.Max || x.Count != y.Count ? "changed"
                : "unchanged";
            return new ColumnDiff(name, change, x?.Type, y?.Type, x?.Nulls, y?.Nulls, x?.Mean, y?.Mean, x?.Min, y?.Min, x?.Max, y?.Max);
        }).ToList();
        return new DatasetDiffResult(a.Reference, b.Reference, a.RowCount, b.RowCount, columns);
    }

    private static bool Same(double? x, double? y) =>
        x is null ? y is null : y is not null && (x.Value.Equals(y.Value) || Math.Abs(x.Value - y.Value) <= 1e-12 * Math.Max(1, Math.Abs(x.Value)));
}

/// <summary>The outcome of <see cref="DatasetDiff.Compare"/>.</summary>
public sealed record DatasetDiffResult(string A, string B, long RowsA, long RowsB, IReadOnlyList<ColumnDiff> Columns);

/// <summary>One column's change: added, removed, type changed, changed or unchanged, with the figures on each side.</summary>
public sealed record ColumnDiff(string Name, string Change, string? TypeA, string? TypeB, long? NullsA, long? NullsB, double? MeanA, double? MeanB, string? MinA, string? MinB, string? MaxA, string? MaxB);
