using System.Text.Json;
using System.Text.Json.Serialization;

namespace Prognos.Data.Datasets;

/// <summary>The profile of a dataset version, computed at registration and stored as <c>profile.json</c>.</summary>
public sealed record DatasetProfile(long RowCount, IReadOnlyList<ColumnProfile> Columns, TimeProfile? Time)
{
    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };
}

/// <summary>Per-column statistics; numeric fields are null for non-numeric columns.</summary>
public sealed record ColumnProfile(
    string Name,
    string Type,
    long Count,
    long Nulls,
    long Distinct,
    string? Min,
    string? Max,
    double? Mean,
    double? Std,
    IReadOnlyDictionary<string, double>? Quantiles,
    IReadOnlyList<ValueCount>? TopValues,
    Histogram? Histogram);

/// <summary>A value and how often it occurs.</summary>
public sealed record ValueCount(string Value, long Count);

/// <summary>Equal-width bins: <c>Edges</c> has one more entry than <c>Counts</c>.</summary>
public sealed record Histogram(IReadOnlyList<double> Edges, IReadOnlyList<long> Counts);

/// <summary>
/// The time column: first and last timestamp, the inferred frequency (the most common step within a series),
/// gaps (steps longer than 1.5 times it) and duplicate timestamps within a series.
/// </summary>
public sealed record TimeProfile(string Column, string? SeriesIdColumn, long SeriesCount, string? First, string? Last, string? InferredFrequency, long Gaps, long DuplicateTimestamps);
