namespace Prognos.Data.Samples;

/// <summary>What <see cref="ConnectedCarSample.WriteAsync"/> wrote, and the ground truth the scenario's alerts should find.</summary>
/// <param name="Rows">Data rows written (header excluded, duplicates included).</param>
/// <param name="BatteriesPassingRatedCyclesWithin30Days">Batteries calibrated to pass their rated cycles 4–20 days after the last day.</param>
/// <param name="BatteriesWithinRatedCycles">Batteries calibrated to stay below their rated cycles for at least 60 more days.</param>
public sealed record ConnectedCarSampleSummary(
    long Rows,
    IReadOnlyList<string> BatteriesPassingRatedCyclesWithin30Days,
    IReadOnlyList<string> BatteriesWithinRatedCycles);
