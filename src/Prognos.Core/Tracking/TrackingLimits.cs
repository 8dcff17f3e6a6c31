using Prognos.Errors;

namespace Prognos.Tracking;

/// <summary>MLflow's limits on logged data, checked before anything is written.</summary>
public static class TrackingLimits
{
    public const int MaxMetricsPerBatch = 1000;
    public const int MaxParamsPerBatch = 100;
    public const int MaxTagsPerBatch = 100;
    public const int MaxItemsPerBatch = 1000;
    public const int MaxKeyLength = 250;
    public const int MaxParamValueLength = 6000;
    public const int MaxTagValueLength = 8000;
    public const int MaxEntityNameLength = 500;

    /// <summary>Throws <see cref="ErrorCode.InvalidParameterValue"/> naming the first limit the batch breaks.</summary>
    public static void Validate(LogBatch batch)
    {
        var metrics = batch.MetricList;
        var parameters = batch.ParamMap;
        var tags = batch.TagMap;
        if (metrics.Count > MaxMetricsPerBatch)
        {
            throw PrognosException.InvalidParameter($"A batch may hold at most {MaxMetricsPerBatch} metrics but 'metrics' has {metrics.Count}; split it into several batches.");
        }

        if (parameters.Count > MaxParamsPerBatch)
        {
            throw PrognosException.InvalidParameter($"A batch may hold at most {MaxParamsPerBatch} params but 'params' has {parameters.Count}; split it into several batches.");
        }

        if (tags.Count > MaxTagsPerBatch)
        {
            throw PrognosException.InvalidParameter($"A batch may hold at most {MaxTagsPerBatch} tags but 'tags' has {tags.Count}; split it into several batches.");
        }

        var total = metrics.Count + parameters.Count + tags.Count;
        if (total > MaxItemsPerBatch)
        {
            throw PrognosException.InvalidParameter($"A batch may hold at most {MaxItemsPerBatch} items in total but has {total}; split it into several batches.");
        }

        foreach (var m in metrics)
        {
            ValidateKey("metric", m.Key);
        }

        foreach (var (key, value) in parameters)
        {
            ValidateKey("param", key);
            ValidateValue("param", key, value, MaxParamValueLength);
        }

        foreach (var (key, value) in tags)
        {
            ValidateKey("tag", key);
            ValidateValue("tag", key, value, MaxTagValueLength);
        }
    }

    /// <summary>Checks a metric, param or tag key: non-empty, at most 250 characters, no path tricks.</summary>
    public static void ValidateKey(string kind, string? key)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            throw new PrognosException(ErrorCode.MissingParameter, $"A {kind} key is empty; give every {kind} a name.");
        }

        if (key.Length > MaxKeyLength)
        {
            throw PrognosException.InvalidParameter($"The {kind} key '{Shorten(key)}' is {key.Length} characters long; keys may have at most {MaxKeyLength}.");
        }

        if (key.Contains("..", StringComparison.Ordinal) || key.StartsWith('/') || key.Contains('\0'))
        {
            throw PrognosException.InvalidParameter($"The {kind} key '{Shorten(key)}' is not allowed: keys may not start with '/', contain '..' or NUL characters.");
        }
    }

    private static void ValidateValue(string kind, string key, string? value, int max)
    {
        if (value is null)
        {
            throw new PrognosException(ErrorCode.MissingParameter, $"The {kind} '{key}' has no value; give it a value (an empty string is allowed).");
        }

        if (value.Length > max)
        {
            throw PrognosException.InvalidParameter($"The value of {kind} '{key}' is {value.Length} characters long; {kind} values may have at most {max}. Log long text as an artifact instead.");
        }
    }

    /// <summary>Checks a run or experiment name.</summary>
    public static void ValidateName(string field, string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new PrognosException(ErrorCode.MissingParameter, $"'{field}' is empty; give a name.");
        }

        if (name.Length > MaxEntityNameLength)
        {
            throw PrognosException.InvalidParameter($"'{field}' is {name.Length} characters long; names may have at most {MaxEntityNameLength}.");
        }
    }

    internal static string Shorten(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 37), "...");
}
