namespace Prognos.Storage.Workspaces;

/// <summary>What a local workspace takes from its host: the clock and the system tags put on every run.</summary>
public sealed record LocalWorkspaceOptions
{
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Tags added to every new run; by default detected from this process (user, machine, OS, .NET, git).</summary>
    public IReadOnlyDictionary<string, string> SystemTags { get; init; } = RunSourceTags.Detect(Environment.CurrentDirectory);
}
