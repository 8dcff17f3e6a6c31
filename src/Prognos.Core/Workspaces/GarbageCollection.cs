namespace Prognos.Workspaces;

/// <summary>What <see cref="IWorkspace.CollectGarbageAsync"/> removed.</summary>
public sealed record GarbageCollection(IReadOnlyList<string> RemovedRunIds, long RemovedArtifactBytes);
