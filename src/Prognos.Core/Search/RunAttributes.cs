using System.Diagnostics.CodeAnalysis;

namespace Prognos.Search;

/// <summary>
/// The run attributes a filter or order_by may name after <c>attributes.</c>, and how each one compares:
/// <see cref="StartTime"/> and <see cref="EndTime"/> are numbers (ms since the Unix epoch), the rest are strings,
/// and <see cref="RunId"/> alone also accepts <c>IN</c> / <c>NOT IN</c>.
/// </summary>
public static class RunAttributes
{
    public const string RunId = "run_id";
    public const string RunName = "run_name";
    public const string Status = "status";
    public const string StartTime = "start_time";
    public const string EndTime = "end_time";
    public const string ArtifactUri = "artifact_uri";
    public const string UserId = "user_id";
    public const string LifecycleStage = "lifecycle_stage";

    /// <summary>An alias accepted in place of <see cref="StartTime"/>, as MLflow accepts it.</summary>
    public const string CreatedAlias = "created";

    /// <summary>The canonical attribute names, in the order error messages list them.</summary>
    public static IReadOnlyList<string> Names { get; } =
        [RunId, RunName, Status, StartTime, EndTime, ArtifactUri, UserId, LifecycleStage];

    /// <summary>True for the attributes compared as numbers (<see cref="StartTime"/>, <see cref="EndTime"/>).</summary>
    public static bool IsNumeric(string name) => name is StartTime or EndTime;

    /// <summary>True for the attributes that accept <c>IN</c> / <c>NOT IN</c> (only <see cref="RunId"/>).</summary>
    public static bool SupportsIn(string name) => name is RunId;

    /// <summary>Resolves a key as written (any case, or an alias) to its canonical name.</summary>
    public static bool TryNormalize(string key, [NotNullWhen(true)] out string? name)
    {
        ArgumentNullException.ThrowIfNull(key);
        var lower = key.ToLowerInvariant();
        name = lower == CreatedAlias ? StartTime : Names.FirstOrDefault(candidate => candidate == lower);
        return name is not null;
    }

    internal static string Describe() =>
        $"{string.Join(", ", Names)} ('{CreatedAlias}' is accepted for {StartTime})";
}
