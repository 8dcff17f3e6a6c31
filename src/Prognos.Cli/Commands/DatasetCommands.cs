using System.CommandLine;
using System.Globalization;
using Prognos.Cli.Output;
using Prognos.Data.Datasets;
using Prognos.Datasets;

namespace Prognos.Cli.Commands;

internal static class DatasetCommands
{
    public static Command Create(CommandRunner runner)
    {
        var command = new Command("dataset", "Register, inspect, profile, compare and download immutable dataset versions");
        var reference = new Argument<string>("dataset") { Description = "NAME:VERSION (or NAME for the newest)" };
        string User(Invocation call) => call.Context.GetEnvironment("USER") ?? "unknown";

        var name = new Argument<string>("name") { Description = "Dataset name (letters, digits, '-', '_', '.')" };
        var path = new Option<string>("--path", "-p") { Description = "A file, a glob (data/*.csv), DATASTORE:PATH or DATASTORE:TABLE", Required = true };
        var format = new Option<string>("--format") { Description = "csv, parquet, json or jsonl", DefaultValueFactory = _ => "csv" };
        var timeColumn = new Option<string?>("--time-column") { Description = "The time column (profiled for frequency, gaps, duplicates)" };
        var seriesId = new Option<string?>("--series-id") { Description = "The series id column" };
        var asReference = new Option<bool>("--reference") { Description = "Keep a pointer and hash instead of a snapshot; reading fails once the source changed" };
        var description = new Option<string?>("--description") { Description = "Free text" };
        var onError = new Option<string>("--on-error") { Description = "fail (default): stop at the first bad row, naming file:line:column; skip: drop bad rows into rejects.csv", DefaultValueFactory = _ => "fail" };
        var register = new Command("register", "Register a new version (the same content twice returns the existing version)")
        {
            name, path, format, timeColumn, seriesId, asReference, description, onError,
        };
        runner.Bind(register, async call =>
        {
            var skip = call.Get(onError).Trim().ToLowerInvariant() switch
            {
                "fail" => false,
                "skip" => true,
                _ => throw Errors.PrognosException.InvalidParameter($"--on-error '{call.Get(onError)}' is not known; use fail or skip."),
            };
            var source = call.Get(path);
            if (!source.Contains(':', StringComparison.Ordinal) || Path.IsPathRooted(source))
            {
                source = Path.GetFullPath(source, call.Context.CurrentFolder);
            }

            call.Output.Status($"Reading {source} ...");
            var result = await DataServices.Registry(call.Workspace, User(call)).RegisterAsync(new DatasetRegistration(
                call.Get(name), source, call.Get(format), call.Get(timeColumn), call.Get(seriesId), call.Get(asReference), call.Get(description), SkipBadRows: skip), call.CancellationToken);
            var v = result.Version;
            call.Output.Emit(new { dataset = View(v), created = result.Created, rejected_rows = result.Rejected, rejects_file = result.RejectsFile }, () =>
            {
                call.Output.Line(result.Created
                    ? $"Registered {v.Reference}: {v.RowCount:N0} rows, {v.Columns.Count} columns, {v.SizeBytes:N0} bytes"
                    : $"Same content as {v.Reference}; no new version.");
                if (result.Rejected > 0)
                {
                    call.Output.Line($"Skipped {result.Rejected:N0} bad rows; see {result.RejectsFile}");
                }
            });
            return 0;
        });

        var list = new Command("list", "List datasets with their newest version");
        runner.Bind(list, async call =>
        {
            var datasets = await DataServices.Registry(call.Workspace, User(call)).ListAsync(call.CancellationToken);
            call.Output.Emit(new { datasets = datasets.Select(d => new { name = d.Name, latest_version = d.LatestVersion, versions = d.VersionCount, last_update_time = d.LastUpdateTime }).ToList() }, () =>
                call.Output.Table(["NAME", "LATEST", "VERSIONS", "UPDATED"], datasets.Select(d => (IReadOnlyList<string>)
                    [d.Name, d.LatestVersion.ToString(CultureInfo.InvariantCulture), d.VersionCount.ToString(CultureInfo.InvariantCulture), Views.Time(d.LastUpdateTime)])));
            return 0;
        });

        var versionsName = new Argument<string>("name") { Description = "Dataset name" };
        var versions = new Command("versions", "List the versions of a dataset") { versionsName };
        runner.Bind(versions, async call =>
        {
            var all = await DataServices.Registry(call.Workspace, User(call)).VersionsAsync(call.Get(versionsName), call.CancellationToken);
            call.Output.Emit(new { versions = all.Select(View).ToList() }, () =>
                call.Output.Table(["VERSION", "ROWS", "COLUMNS", "KIND", "SOURCE", "CREATED"], all.Select(v => (IReadOnlyList<string>)
                    [v.Version.ToString(CultureInfo.InvariantCulture), v.RowCount.ToString("N0", CultureInfo.InvariantCulture), v.Columns.Count.ToString(CultureInfo.InvariantCulture),
                     v.IsReference ? "reference" : "snapshot", v.Source, Views.Time(v.CreationTime)])));
            return 0;
        });

        var show = new Command("show", "Show a version: schema, source, lineage") { reference };
        runner.Bind(show, async call =>
        {
            var registry = DataServices.Registry(call.Workspace, User(call));
            var v = await registry.GetAsync(call.Get(reference), call.CancellationToken);
            var inputs = await registry.InputsAsync(v, call.CancellationToken);
            call.Output.Emit(new { dataset = View(v), inputs }, () =>
            {
                call.Output.Properties(
                [
                    ("dataset", v.Reference), ("rows", v.RowCount.ToString("N0", CultureInfo.InvariantCulture)), ("size", $"{v.SizeBytes:N0} bytes"),
                    ("kind", v.IsReference ? $"reference to {v.ReferenceUri}" : "snapshot (Parquet)"), ("source", v.Source), ("hash", v.ContentHash),
                    ("time column", v.TimeColumn ?? "-"), ("series id", v.SeriesIdColumn ?? "-"), ("run", v.RunId ?? "-"),
                    ("inputs", inputs.Count == 0 ? "-" : string.Join(", ", inputs)), ("created", $"{Views.Time(v.CreationTime)} by {v.CreatedBy}"),
                ]);
                call.Output.Table(["COLUMN", "TYPE"], v.Columns.Select(c => (IReadOnlyList<string>)[c.Name, c.Type]));
            });
            return 0;
        });

        var rows = new Option<int>("--rows", "-n") { Description = "How many rows", DefaultValueFactory = _ => 10 };
        var head = new Command("head", "Print the first rows") { reference, rows };
        runner.Bind(head, async call =>
        {
            var registry = DataServices.Registry(call.Workspace, User(call));
            var v = await registry.GetAsync(call.Get(reference), call.CancellationToken);
            var (columns, data) = registry.Head(v, call.Get(rows), call.CancellationToken);
            call.Output.Emit(new { columns, rows = data.Select(r => r.Select(Cell).ToList()).ToList() }, () =>
                call.Output.Table(columns, data.Select(r => (IReadOnlyList<string>)r.Select(Cell).ToList())));
            return 0;
        });

        var output = new Option<string?>("--out", "-o") { Description = "Target file (default: NAME-VERSION.csv in the current folder)" };
        var downloadFormat = new Option<string>("--format") { Description = "csv or parquet", DefaultValueFactory = _ => "csv" };
        var download = new Command("download", "Write a version to a CSV or Parquet file") { reference, output, downloadFormat };
        runner.Bind(download, async call =>
        {
            var registry = DataServices.Registry(call.Workspace, User(call));
            var v = await registry.GetAsync(call.Get(reference), call.CancellationToken);
            var target = Path.GetFullPath(call.Get(output) ?? $"{v.Name}-{v.Version}.{call.Get(downloadFormat)}", call.Context.CurrentFolder);
            registry.Export(v, target, call.Get(downloadFormat), call.CancellationToken);
            call.Output.Emit(new { dataset = v.Reference, file = target }, () => call.Output.Line($"Wrote {v.Reference} to {target}"));
            return 0;
        });

        var profile = new Command("profile", "Column statistics, histograms and time-column checks computed at registration") { reference };
        runner.Bind(profile, async call =>
        {
            var registry = DataServices.Registry(call.Workspace, User(call));
            var v = await registry.GetAsync(call.Get(reference), call.CancellationToken);
            var p = await registry.ProfileAsync(v, call.CancellationToken);
            call.Output.Emit(new { dataset = v.Reference, profile = p, plot = Path.Combine(registry.FolderOf(v), "profile.png") }, () => ShowProfile(call.Output, v, p, Path.Combine(registry.FolderOf(v), "profile.png")));
            return 0;
        });

        var left = new Argument<string>("a") { Description = "NAME:VERSION" };
        var right = new Argument<string>("b") { Description = "NAME:VERSION" };
        var diff = new Command("diff", "Compare the schemas and profiles of two versions") { left, right };
        runner.Bind(diff, async call =>
        {
            var registry = DataServices.Registry(call.Workspace, User(call));
            var a = await registry.GetAsync(call.Get(left), call.CancellationToken);
            var b = await registry.GetAsync(call.Get(right), call.CancellationToken);
            var result = DatasetDiff.Compare(a, await registry.ProfileAsync(a, call.CancellationToken), b, await registry.ProfileAsync(b, call.CancellationToken));
            call.Output.Emit(result, () =>
            {
                call.Output.Line($"{a.Reference} → {b.Reference}: rows {a.RowCount:N0} → {b.RowCount:N0}");
                call.Output.Table(["COLUMN", "CHANGE", "TYPE", "NULLS", "MEAN", "MIN", "MAX"], result.Columns.Select(c => (IReadOnlyList<string>)
                    [c.Name, c.Change, Arrow(c.TypeA, c.TypeB), Arrow(c.NullsA, c.NullsB), Arrow(c.MeanA, c.MeanB), Arrow(c.MinA, c.MinB), Arrow(c.MaxA, c.MaxB)]));
            });
            return 0;
        });

        foreach (var sub in new[] { register, list, versions, show, head, download, profile, diff })
        {
            command.Subcommands.Add(sub);
        }

        return command;
    }

    internal static object View(DatasetVersion v) => new
    {
        name = v.Name,
        version = v.Version,
        reference = v.Reference,
        content_hash = v.ContentHash,
        kind = v.IsReference ? "reference" : "snapshot",
        source_format = v.SourceFormat,
        source = v.Source,
        reference_uri = v.ReferenceUri,
        row_count = v.RowCount,
        size_bytes = v.SizeBytes,
        columns = v.Columns.Select(c => new { name = c.Name, type = c.Type }).ToList(),
        time_column = v.TimeColumn,
        series_id_column = v.SeriesIdColumn,
        description = v.Description,
        run_id = v.RunId,
        created_by = v.CreatedBy,
        creation_time = v.CreationTime,
    };

    private static void ShowProfile(Renderer output, DatasetVersion v, DatasetProfile p, string plot)
    {
        output.Line($"{v.Reference}: {p.RowCount:N0} rows");
        output.Table(["COLUMN", "TYPE", "COUNT", "NULLS", "DISTINCT", "MIN", "MAX", "MEAN", "STD", "P50", "TOP"], p.Columns.Select(c => (IReadOnlyList<string>)
        [
            c.Name, c.Type, c.Count.ToString("N0", CultureInfo.InvariantCulture), c.Nulls.ToString("N0", CultureInfo.InvariantCulture), c.Distinct.ToString("N0", CultureInfo.InvariantCulture),
            c.Min ?? "-", c.Max ?? "-", Num(c.Mean), Num(c.Std), Num(c.Quantiles?.GetValueOrDefault("p50")),
            c.TopValues is { Count: > 0 } top ? string.Join(", ", top.Take(3).Select(t => $"{t.Value} ({t.Count})")) : "",
        ]));
        if (p.Time is { } t)
        {
            output.Properties(
            [
                ("time column", t.Column), ("series", $"{t.SeriesCount:N0}{(t.SeriesIdColumn is null ? "" : $" by {t.SeriesIdColumn}")}"),
                ("first", t.First ?? "-"), ("last", t.Last ?? "-"), ("frequency", t.InferredFrequency ?? "unknown"),
                ("gaps", t.Gaps.ToString("N0", CultureInfo.InvariantCulture)), ("duplicate timestamps", t.DuplicateTimestamps.ToString("N0", CultureInfo.InvariantCulture)),
            ]);
        }

        output.Line($"Histograms: {plot}");
    }

    private static string Cell(object? value) => value switch
    {
        null => "",
        DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        double d => d.ToString("G10", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Num(double? value) => value is { } v && !double.IsNaN(v) ? v.ToString("G6", CultureInfo.InvariantCulture) : "-";

    private static string Arrow(object? a, object? b)
    {
        var left = a is double da ? Num(da) : a?.ToString() ?? "-";
        var right = b is double db ? Num(db) : b?.ToString() ?? "-";
        return left == right ? left : $"{left} → {right}";
    }
}
