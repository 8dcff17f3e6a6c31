namespace Prognos.Artifacts;

/// <summary>A file or folder in a run's artifacts; <see cref="Path"/> uses '/' and is relative to the run's root.</summary>
public sealed record ArtifactEntry(string Path, bool IsDirectory, long? Size);
