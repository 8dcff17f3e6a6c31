namespace Prognos.Tracking;

/// <summary>Persists experiments. Implementations: SQLite and PostgreSQL (Prognos.Storage).</summary>
public interface IExperimentStore
{
    /// <summary>Creates an experiment; <see cref="Errors.ErrorCode.ResourceAlreadyExists"/> when the name is taken.</summary>
    Task<Experiment> CreateExperimentAsync(string name, string? artifactLocation, IReadOnlyDictionary<string, string>? tags, CancellationToken cancellationToken = default);

    /// <summary>The experiment with that id, deleted or not, or null.</summary>
    Task<Experiment?> FindExperimentAsync(string experimentId, CancellationToken cancellationToken = default);

    /// <summary>The experiment with that name, deleted or not, or null.</summary>
    Task<Experiment?> FindExperimentByNameAsync(string name, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Experiment>> ListExperimentsAsync(ViewType viewType, CancellationToken cancellationToken = default);

    Task RenameExperimentAsync(string experimentId, string newName, CancellationToken cancellationToken = default);

    Task SetExperimentTagAsync(string experimentId, string key, string value, CancellationToken cancellationToken = default);

    Task SetExperimentLifecycleAsync(string experimentId, LifecycleStage stage, CancellationToken cancellationToken = default);
}
