namespace Prognos.Datasets;

/// <summary>A dataset name with its newest version, for listings.</summary>
public sealed record DatasetSummary(string Name, int LatestVersion, int VersionCount, long LastUpdateTime);
