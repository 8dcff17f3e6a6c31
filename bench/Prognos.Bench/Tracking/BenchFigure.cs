namespace Prognos.Bench.Tracking;

/// <summary>
/// One line of the results table: our figure beside its ceiling (measured in the same run) and the target.
/// <paramref name="HigherIsBetter"/> decides how the target is read (throughput: at least; latency: at most).
/// </summary>
internal sealed record BenchFigure(
    string Benchmark,
    string Store,
    string Unit,
    double Ours,
    double? Ceiling,
    double? Target,
    bool HigherIsBetter,
    string? Note = null)
{
    public double? Share => Ceiling is { } c && c > 0 ? (HigherIsBetter ? Ours / c : c / Ours) : null;

    public bool? Passed => Target is { } t ? (HigherIsBetter ? Ours >= t : Ours <= t) : null;
}
