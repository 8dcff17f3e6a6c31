namespace Prognos.Data.Prep;

/// <summary>
/// What a recipe run needs from its caller: where relative paths start, how to find datasets, where dataset and
/// table outputs go, and how much memory and how many threads DuckDB may use.
/// </summary>
public sealed record RecipeContext(string BaseDirectory)
{
    /// <summary>Turns <c>name:version</c> (or <c>name@alias</c>) into the path of a Parquet file.</summary>
    public Func<string, CancellationToken, Task<string>>? DatasetResolver { get; init; }

    /// <summary>Receives each <c>dataset</c> output and the path of its finished Parquet file (deleted after the call).</summary>
    public Func<RecipeOutput, string, CancellationToken, Task>? DatasetSink { get; init; }

    /// <summary>Receives each <c>table</c> output and the path of its finished Parquet file (deleted after the call).</summary>
    public Func<RecipeOutput, string, CancellationToken, Task>? TableSink { get; init; }

    /// <summary>DuckDB's memory_limit; beyond it DuckDB spills to the run's temporary folder.</summary>
    public string MemoryLimit { get; init; } = "1.5GB";

    /// <summary>DuckDB threads; null leaves DuckDB's default, one per core.</summary>
    public int? Threads { get; init; }

    /// <summary>Where the run's database and spill files live; null means the system temp folder.</summary>
    public string? TempDirectory { get; init; }

    /// <summary>Clock for step timings.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
