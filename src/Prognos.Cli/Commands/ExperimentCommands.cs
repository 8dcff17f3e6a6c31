using System.CommandLine;
using Prognos.Cli.Output;
using Prognos.Tracking;

namespace Prognos.Cli.Commands;

internal static class ExperimentCommands
{
    public static Command Create(CommandRunner runner)
    {
        var command = new Command("experiment", "Create, list, show, rename, tag, delete and restore experiments");
        var experiment = new Argument<string>("experiment") { Description = "Experiment id or name" };

        var name = new Argument<string>("name") { Description = "A unique experiment name" };
        var tags = new Option<string[]>("--tag") { Description = "A tag as KEY=VALUE (repeatable)", AllowMultipleArgumentsPerToken = false };
        var create = new Command("create", "Create an experiment") { name, tags };
        runner.Bind(create, async call =>
        {
            var created = await call.Workspace.CreateExperimentAsync(call.Get(name), CommandLineValues.KeyValues(call.Get(tags), "--tag"), call.CancellationToken);
            call.Output.Emit(Views.Of(created), () => call.Output.Line($"Created experiment '{created.Name}' (id {created.ExperimentId})"));
            return 0;
        });

        var all = new Option<bool>("--all") { Description = "Include deleted experiments" };
        var deleted = new Option<bool>("--deleted") { Description = "Only deleted experiments" };
        var list = new Command("list", "List experiments") { all, deleted };
        runner.Bind(list, async call =>
        {
            var view = call.Get(deleted) ? ViewType.DeletedOnly : call.Get(all) ? ViewType.All : ViewType.ActiveOnly;
            var experiments = await call.Workspace.ListExperimentsAsync(view, call.CancellationToken);
            call.Output.Emit(new { experiments = experiments.Select(Views.Of).ToList() }, () =>
                call.Output.Table(["ID", "NAME", "STAGE", "CREATED", "TAGS"], experiments.Select(e => (IReadOnlyList<string>)
                [
                    e.ExperimentId, e.Name, Views.Stage(e.LifecycleStage), Views.Time(e.CreationTime),
                    string.Join(", ", e.Tags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key}={t.Value}")),
                ])));
            return 0;
        });

        var show = new Command("show", "Show one experiment and its run count") { experiment };
        runner.Bind(show, async call =>
        {
            var found = await call.Workspace.GetExperimentAsync(call.Get(experiment), call.CancellationToken);
            call.Output.Emit(Views.Of(found), () => call.Output.Properties(
            [
                ("id", found.ExperimentId), ("name", found.Name), ("stage", Views.Stage(found.LifecycleStage)),
                ("artifacts", found.ArtifactLocation), ("created", Views.Time(found.CreationTime)), ("updated", Views.Time(found.LastUpdateTime)),
                .. found.Tags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => ($"tag {t.Key}", t.Value)),
            ]));
            return 0;
        });

        var newName = new Argument<string>("new-name") { Description = "The new unique name" };
        var rename = new Command("rename", "Rename an experiment") { experiment, newName };
        runner.Bind(rename, async call =>
        {
            var renamed = await call.Workspace.RenameExperimentAsync(call.Get(experiment), call.Get(newName), call.CancellationToken);
            call.Output.Emit(Views.Of(renamed), () => call.Output.Line($"Renamed experiment {renamed.ExperimentId} to '{renamed.Name}'"));
            return 0;
        });

        var key = new Argument<string>("key") { Description = "Tag key" };
        var value = new Argument<string>("value") { Description = "Tag value" };
        var tag = new Command("tag", "Set a tag on an experiment") { experiment, key, value };
        runner.Bind(tag, async call =>
        {
            await call.Workspace.SetExperimentTagAsync(call.Get(experiment), call.Get(key), call.Get(value), call.CancellationToken);
            var found = await call.Workspace.GetExperimentAsync(call.Get(experiment), call.CancellationToken);
            call.Output.Emit(Views.Of(found), () => call.Output.Line($"Tagged experiment '{found.Name}': {call.Get(key)}={call.Get(value)}"));
            return 0;
        });

        var delete = new Command("delete", "Soft-delete an experiment (restore it with 'experiment restore'; 'run gc' removes its runs for good)") { experiment };
        runner.Bind(delete, async call =>
        {
            await call.Workspace.DeleteExperimentAsync(call.Get(experiment), call.CancellationToken);
            var found = await call.Workspace.GetExperimentAsync(call.Get(experiment), call.CancellationToken);
            call.Output.Emit(Views.Of(found), () => call.Output.Line($"Deleted experiment '{found.Name}' (restore with: prognos experiment restore {found.ExperimentId})"));
            return 0;
        });

        var restore = new Command("restore", "Restore a deleted experiment") { experiment };
        runner.Bind(restore, async call =>
        {
            await call.Workspace.RestoreExperimentAsync(call.Get(experiment), call.CancellationToken);
            var found = await call.Workspace.GetExperimentAsync(call.Get(experiment), call.CancellationToken);
            call.Output.Emit(Views.Of(found), () => call.Output.Line($"Restored experiment '{found.Name}'"));
            return 0;
        });

        foreach (var sub in new[] { create, list, show, rename, tag, delete, restore })
        {
            command.Subcommands.Add(sub);
        }

        return command;
    }
}
