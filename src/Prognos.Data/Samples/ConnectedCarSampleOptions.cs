using Prognos.Errors;

namespace Prognos.Data.Samples;

/// <summary>What <see cref="ConnectedCarSample"/> generates: how many batteries, from which seed, over which dates.</summary>
public sealed record ConnectedCarSampleOptions
{
    /// <summary>The first day of telemetry (each battery joins the fleet up to 60 days later). Default 2009-01-01,
    /// which makes 2,000 batteries about ten million rows.</summary>
    public static readonly DateOnly DefaultStart = new(2009, 1, 1);

    /// <summary>The last day of telemetry in the connected-car scenario.</summary>
    public static readonly DateOnly DefaultUntil = new(2017, 3, 19);

    /// <summary>Number of batteries (series), <c>B0001</c> onwards. At least 5 guarantees both a battery that passes
    /// its rated cycles within 30 days after the data ends and one that does not.</summary>
    public int Batteries { get; init; } = 10;

    /// <summary>Seed of the generator; the same seed and options give the same bytes.</summary>
    public long Seed { get; init; } = 42;

    /// <summary>First day of telemetry (twice a day, at 00:00 and 12:00, until <see cref="ConnectedCarSample.DailyFrom"/>).</summary>
    public DateOnly Start { get; init; } = DefaultStart;

    /// <summary>Last day of telemetry, inclusive (daily at 00:00 from <see cref="ConnectedCarSample.DailyFrom"/> on).</summary>
    public DateOnly Until { get; init; } = DefaultUntil;

    internal void Validate()
    {
        if (Batteries < 1 || Batteries > 99_999)
        {
            throw PrognosException.InvalidParameter(
                $"batteries must be between 1 and 99999 (got {Batteries}); use at least 5 to get batteries on both sides of their rated cycles.");
        }

        if (Until < Start.AddDays(90))
        {
            throw PrognosException.InvalidParameter(
                $"until ({Until:yyyy-MM-dd}) must be at least 90 days after start ({Start:yyyy-MM-dd}) so every battery has a history to forecast from.");
        }
    }
}
