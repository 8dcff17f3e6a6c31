using Prognos.Errors;

namespace Prognos.Data.Samples;

/// <summary>What <see cref="ComplianceNotesSample"/> generates.</summary>
public sealed record ComplianceNotesSampleOptions
{
    /// <summary>Number of notes (rows).</summary>
    public int Notes { get; init; } = 1000;

    /// <summary>Seed of the generator; the same seed and options give the same bytes.</summary>
    public long Seed { get; init; } = 42;

    internal void Validate()
    {
        if (Notes < 1 || Notes > 100_000_000)
        {
            throw PrognosException.InvalidParameter($"notes must be between 1 and 100000000 (got {Notes}).");
        }
    }
}
