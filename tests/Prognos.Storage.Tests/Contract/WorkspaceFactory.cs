using Prognos.Workspaces;

namespace Prognos.Storage.Tests.Contract;

/// <summary>Makes a fresh, empty workspace for one test and cleans it up afterwards.</summary>
public interface IWorkspaceFactory : IAsyncDisposable
{
    /// <summary>Null when the backing service is not configured here; the message says how to enable it.</summary>
    string? SkipReason { get; }

    Task<IWorkspace> CreateAsync();
}
