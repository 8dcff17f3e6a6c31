namespace Prognos.Learning.Forecasting;

/// <summary>Checks shared by every forecaster; messages say what is wrong and how to fix it.</summary>
internal static class SeriesValidation
{
    public static void RequireStrictlyIncreasing(IReadOnlyList<DateTime> timestamps)
    {
        for (var i = 1; i < timestamps.Count; i++)
        {
            if (timestamps[i] == timestamps[i - 1])
            {
                throw new ForecastingException(
                    $"Duplicate timestamp {timestamps[i]:O} at positions {i - 1} and {i}; aggregate or drop duplicates before fitting.");
            }

            if (timestamps[i] < timestamps[i - 1])
            {
                throw new ForecastingException(
                    $"Timestamps are not in order: {timestamps[i]:O} at position {i} comes before {timestamps[i - 1]:O}; sort the series by time.");
            }
        }
    }

    /// <summary>Validates the series shape and returns its values (finite, at least <paramref name="minimumLength"/>).</summary>
    public static double[] RequireFitInput(TimeSeries series, int minimumLength, string model)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (series.Timestamps.Count != series.Values.Length)
        {
            throw new ForecastingException(
                $"The series has {series.Timestamps.Count} timestamps but {series.Values.Length} values; they must be aligned.");
        }

        RequireStrictlyIncreasing(series.Timestamps);
        if (series.Length < minimumLength)
        {
            throw new ForecastingException(
                $"{model} needs at least {minimumLength} observations but the series{Id(series)} has {series.Length}; use a longer series or a simpler model (naive, mean).");
        }

        for (var i = 0; i < series.Values.Length; i++)
        {
            if (!double.IsFinite(series.Values[i]))
            {
                throw new ForecastingException(
                    $"The series{Id(series)} has a missing or non-finite value at position {i} ({series.Timestamps[i]:O}); fill it first (MissingValues.Apply with Interpolate).");
            }
        }

        return series.Values;
    }

    public static void RequireHorizon(ForecastRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Horizon <= 0)
        {
            throw new ForecastingException($"The horizon must be at least 1 period, got {request.Horizon}; pass a positive horizon.");
        }

        foreach (var level in request.EffectiveLevels)
        {
            if (!(level > 0 && level < 100))
            {
                throw new ForecastingException($"Interval level {level} is not between 0 and 100 (exclusive); use e.g. 80 or 95.");
            }
        }
    }

    private static string Id(TimeSeries series) => series.SeriesId is null ? string.Empty : $" '{series.SeriesId}'";
}
