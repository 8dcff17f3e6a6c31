namespace Prognos.Data.Datasets;

/// <summary>Resolves a datastore name to what the data layer can read (the workspace supplies it, secrets included).</summary>
public delegate Task<ResolvedDatastore> DatastoreResolver(string name, CancellationToken cancellationToken);
