namespace Prognos.Bench.Forecasting;

/// <summary>One method over the whole panel: wall time of fit + forecast on every series, failures, mean errors.</summary>
internal sealed record MethodResult(
    string Method,
    int Series,
    int Threads,
    double TotalWallSeconds,
    double TotalCpuSeconds,
    double SeriesPerSecond,
    int Failures,
    double MeanMase,
    double MedianMase,
    double MeanSmape,
    IReadOnlyList<SeriesScore> PerSeries);
