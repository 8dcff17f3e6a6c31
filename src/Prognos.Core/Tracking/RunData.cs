namespace Prognos.Tracking;

/// <summary>What was logged to a run: the latest value of each metric, the params and the tags.</summary>
public sealed record RunData(
    IReadOnlyList<Metric> Metrics,
    IReadOnlyDictionary<string, string> Params,
    IReadOnlyDictionary<string, string> Tags)
{
    public static readonly RunData Empty = new([], new Dictionary<string, string>(), new Dictionary<string, string>());

    /// <summary>The latest value of a metric, or null when it was never logged.</summary>
    public double? Metric(string key)
    {
        foreach (var m in Metrics)
        {
            if (m.Key == key)
            {
                return m.Value;
            }
        }

        return null;
    }
}
