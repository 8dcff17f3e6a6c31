using Prognos.Data.Datasets;
using Prognos.Data.Datastores;
using Prognos.Datastores;
using Prognos.Errors;
using Prognos.Storage.Workspaces;
using Prognos.Workspaces;

namespace Prognos.Cli.Commands;

/// <summary>Composes the data layer over a local workspace: the dataset registry with datastore access.</summary>
internal static class DataServices
{
    public static LocalWorkspace Local(IWorkspace workspace) => workspace as LocalWorkspace
        ?? throw PrognosException.InvalidParameter("Datasets and datastores need a local workspace; pass --workspace DIR.");

    public static DatasetRegistry Registry(IWorkspace workspace, string user)
    {
        var local = Local(workspace);
        return new DatasetRegistry(local.Datasets, local.ArtifactFolder, (name, ct) => ResolveAsync(local, name, ct), user);
    }

    private static async Task<ResolvedDatastore> ResolveAsync(LocalWorkspace workspace, string name, CancellationToken cancellationToken)
    {
        var datastore = await workspace.Datastores.GetAsync(name, cancellationToken).ConfigureAwait(false);
        if (datastore.Kind == DatastoreKind.Folder)
        {
            return new ResolvedDatastore(datastore.Location, null);
        }

        return new ResolvedDatastore(null, async (table, target, ct) =>
        {
            await using var connection = await workspace.Datastores.OpenDatabaseAsync(name, ct).ConfigureAwait(false);
            await DatabaseTables.ExportCsvAsync(connection, table, target, ct).ConfigureAwait(false);
        });
    }
}
