using System.CommandLine;
using Prognos.Cli.Output;
using Prognos.Datastores;
using Prognos.Errors;

namespace Prognos.Cli.Commands;

internal static class DatastoreCommands
{
    public static Command Create(CommandRunner runner)
    {
        var command = new Command("datastore", "Named connections (folder, sqlite, postgresql) with encrypted credentials");
        var name = new Argument<string>("name") { Description = "Datastore name" };

        var kind = new Option<string>("--kind") { Description = "folder, sqlite or postgresql", Required = true };
        var target = new Option<string?>("--target") { Description = "Folder path, SQLite file, or postgresql://user:password@host:5432/db" };
        var targetEnv = new Option<string?>("--target-env") { Description = "Read the target from this environment variable (keeps passwords out of shell history)" };
        var description = new Option<string?>("--description") { Description = "Free text" };
        var create = new Command("create", "Create a datastore; a PostgreSQL password is encrypted with the workspace key and never shown again") { name, kind, target, targetEnv, description };
        runner.Bind(create, async call =>
        {
            var value = call.Get(target) ?? (call.Get(targetEnv) is { } variable ? call.Context.GetEnvironment(variable) : null)
                ?? throw new PrognosException(ErrorCode.MissingParameter, "Give --target (a folder, an SQLite file or a postgresql:// URI) or --target-env VARIABLE.");
            var parsedKind = call.Get(kind).Trim().ToLowerInvariant() switch
            {
                "folder" => DatastoreKind.Folder,
                "sqlite" => DatastoreKind.Sqlite,
                "postgresql" or "postgres" => DatastoreKind.Postgresql,
                _ => throw PrognosException.InvalidParameter($"--kind '{call.Get(kind)}' is not known; use folder, sqlite or postgresql."),
            };
            if (parsedKind != DatastoreKind.Postgresql)
            {
                value = Path.GetFullPath(value, call.Context.CurrentFolder);
            }

            var datastore = await DataServices.Local(call.Workspace).Datastores.CreateAsync(call.Get(name), parsedKind, value, call.Get(description), call.CancellationToken);
            call.Output.Emit(View(datastore), () => call.Output.Line($"Created datastore '{datastore.Name}' ({Kind(datastore)}: {datastore.Location})"));
            return 0;
        });

        var list = new Command("list", "List datastores");
        runner.Bind(list, async call =>
        {
            var datastores = await DataServices.Local(call.Workspace).Datastores.ListAsync(call.CancellationToken);
            call.Output.Emit(new { datastores = datastores.Select(View).ToList() }, () =>
                call.Output.Table(["NAME", "KIND", "LOCATION", "CREDENTIALS", "CREATED"], datastores.Select(d => (IReadOnlyList<string>)
                    [d.Name, Kind(d), d.Location, d.HasCredentials ? "encrypted" : "-", Views.Time(d.CreationTime)])));
            return 0;
        });

        var show = new Command("show", "Show a datastore (credentials are never shown)") { name };
        runner.Bind(show, async call =>
        {
            var d = await DataServices.Local(call.Workspace).Datastores.GetAsync(call.Get(name), call.CancellationToken);
            call.Output.Emit(View(d), () => call.Output.Properties(
                [("name", d.Name), ("kind", Kind(d)), ("location", d.Location), ("credentials", d.HasCredentials ? "encrypted" : "-"), ("description", d.Description ?? "-"), ("created", Views.Time(d.CreationTime))]));
            return 0;
        });

        var delete = new Command("delete", "Delete a datastore (the data it points at is not touched)") { name };
        runner.Bind(delete, async call =>
        {
            await DataServices.Local(call.Workspace).Datastores.DeleteAsync(call.Get(name), call.CancellationToken);
            call.Output.Emit(new { name = call.Get(name), deleted = true }, () => call.Output.Line($"Deleted datastore '{call.Get(name)}'"));
            return 0;
        });

        foreach (var sub in new[] { create, list, show, delete })
        {
            command.Subcommands.Add(sub);
        }

        return command;
    }

    private static string Kind(Datastore d) => d.Kind.ToString().ToLowerInvariant();

    private static object View(Datastore d) => new { name = d.Name, kind = Kind(d), location = d.Location, has_credentials = d.HasCredentials, description = d.Description, creation_time = d.CreationTime };
}
