using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Prognos.Data.Prep;
using Prognos.Datasets;
using Prognos.Errors;

namespace Prognos.Data.Datasets;

/// <summary>
/// Registers, opens and inspects dataset versions. A snapshot copies the data into the workspace's artifact folder
/// as Parquet (<c>datasets/NAME/HASH/data.parquet</c>) with its profile beside it; a reference records the source
/// and its hash and refuses to read it once the source changed. The content hash is the SHA-256 of the source
/// bytes (file names and contents, in name order) and the read options, so registering the same content twice
/// returns the existing version.
/// </summary>
public sealed class DatasetRegistry(IDatasetStore store, string artifactFolder, DatastoreResolver datastores, string user)
{
    private static readonly string[] Formats = ["csv", "parquet", "json", "jsonl"];

    private readonly string _artifactFolder = Path.GetFullPath(artifactFolder);

    /// <summary>Registers a new version (or returns the existing one with the same content).</summary>
    public async Task<DatasetRegistrationResult> RegisterAsync(DatasetRegistration request, CancellationToken cancellationToken = default)
    {
        DatasetReference.ValidateName(request.Name);
        var format = request.Format.Trim().ToLowerInvariant();
        if (!Formats.Contains(format))
        {
            throw PrognosException.InvalidParameter($"--format '{request.Format}' is not supported; use csv, parquet, json or jsonl.");
        }

        if (request.Reference && format is not ("csv" or "parquet"))
        {
            throw PrognosException.InvalidParameter($"--reference works with csv and parquet sources; snapshot {format} data instead (drop --reference).");
        }

        var staging = Path.Combine(_artifactFolder, "datasets", ".staging", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(staging);
        try
        {
            var source = await ResolveSourceAsync(request.Source, format, staging, cancellationToken).ConfigureAwait(false);
            var hash = ContentHash(source.Files, format, request.Reference);
            var existing = await FindByHashAsync(request.Name, hash, cancellationToken).ConfigureAwait(false);
            if (existing is not null)
            {
                return new DatasetRegistrationResult(existing, Created: false, Rejected: 0, RejectsFile: null);
            }

            using var db = DuckDbSession.Open(":memory:");
            db.Execute("SET memory_limit = '1.5GB'", cancellationToken);
            long rejected;
            try
            {
                rejected = Load(db, source, format, request, Path.Combine(staging, "rejects.csv"), cancellationToken);
            }
            catch (PrognosException ex) when (format == "csv" && ex.Message.Contains("Fix the file", StringComparison.Ordinal))
            {
                // The loader speaks recipe YAML; on the command line the fixes are options.
                var lines = ex.Message[..ex.Message.IndexOf("Fix the file", StringComparison.Ordinal)].Split('\n')
                    .Where(l => !l.TrimStart().StartsWith("in input ", StringComparison.Ordinal) && l.Length > 0);
                throw PrognosException.InvalidParameter(string.Join("\n", lines) + "\nFix the file, or pass --on-error skip to drop such rows into rejects.csv.");
            }
            catch (DuckDB.NET.Data.DuckDBException ex)
            {
                throw PrognosException.InvalidParameter($"Cannot read {source.Description} as {format}: {ex.Message.Split('\n')[0].TrimEnd('.')}. Check --format and the file.");
            }

            var loaded = db.Describe("data", cancellationToken);
            RequireColumn(loaded, request.TimeColumn, "--time-column");
            RequireColumn(loaded, request.SeriesIdColumn, "--series-id");
            if (request.TimeColumn is { } timeColumn)
            {
                TimeColumnParser.EnsureTimestamp(db, "data", timeColumn, source.Description, cancellationToken);
            }
            else if (loaded.Where(c => c.IsTemporal).ToList() is [var only])
            {
                // One date or timestamp column is the time column; a caller can always name another. With it, one text
                // column named like an id (series_id, Battery_ID, DeviceId) is taken as the series id, so that gaps and
                // duplicate timestamps are counted per series.
                var ids = loaded
                    .Where(c => c.DuckDbType == "VARCHAR" && (c.Name.Equals("series_id", StringComparison.OrdinalIgnoreCase)
                        || c.Name.EndsWith("_ID", StringComparison.OrdinalIgnoreCase) || c.Name.EndsWith("Id", StringComparison.Ordinal)))
                    .ToList();
                request = request with { TimeColumn = only.Name, SeriesIdColumn = request.SeriesIdColumn ?? (ids is [var id] ? id.Name : null) };
            }

            var columns = db.Describe("data", cancellationToken).Select(c => new DatasetColumn(c.Name, c.DuckDbType)).ToList();
            var rows = db.Count("data", cancellationToken);
            var profile = DatasetProfiler.Profile(db, "data", request.TimeColumn, request.SeriesIdColumn, cancellationToken);

            var relativeFolder = $"datasets/{request.Name}/{hash[..16]}";
            var folder = Path.Combine(_artifactFolder, relativeFolder.Replace('/', Path.DirectorySeparatorChar));
            var stagedParquet = Path.Combine(staging, "data.parquet");
            string? rejectsFile = null;
            long size;
            if (request.Reference)
            {
                size = source.Files.Sum(f => new FileInfo(f).Length);
            }
            else
            {
                db.Execute($"COPY data TO {Sql.Str(stagedParquet)} (FORMAT PARQUET, COMPRESSION ZSTD)", cancellationToken);
                size = new FileInfo(stagedParquet).Length;
            }

            await File.WriteAllTextAsync(Path.Combine(staging, "profile.json"), JsonSerializer.Serialize(profile, DatasetProfile.JsonOptions), cancellationToken).ConfigureAwait(false);
            DatasetProfilePlot.Write(profile, Path.Combine(staging, "profile.png"));

            // Only a complete snapshot moves into place; then the version is recorded, or the snapshot removed again.
            Directory.CreateDirectory(Path.GetDirectoryName(folder)!);
            var moved = false;
            if (!Directory.Exists(folder))
            {
                Directory.Move(staging, folder);
                moved = true;
            }

            if (rejected > 0)
            {
                rejectsFile = Path.Combine(folder, "rejects.csv");
            }

            try
            {
                var (version, created) = await store.RegisterVersionAsync(new NewDatasetVersion(
                    request.Name, hash, format, source.Description,
                    request.Reference ? null : $"{relativeFolder}/data.parquet",
                    request.Reference ? source.ReferenceUri : null,
                    rows, size, columns, request.TimeColumn, request.SeriesIdColumn, request.Description, request.RunId, user, request.Inputs), cancellationToken).ConfigureAwait(false);
                return new DatasetRegistrationResult(version, created, rejected, rejectsFile);
            }
            catch when (moved)
            {
                Directory.Delete(folder, recursive: true);
                throw;
            }
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    /// <summary>Registers an existing Parquet file (a recipe's output) as a new version.</summary>
    public Task<DatasetRegistrationResult> RegisterParquetAsync(string name, string parquetPath, IReadOnlyList<string> inputs, string? runId, string? description, string? timeColumn, string? seriesIdColumn, CancellationToken cancellationToken = default) =>
        RegisterAsync(new DatasetRegistration(name, parquetPath, "parquet", timeColumn, seriesIdColumn, false, description, runId, inputs, SkipBadRows: false), cancellationToken);

    /// <summary>The version a reference names; <c>RESOURCE_DOES_NOT_EXIST</c> when there is none.</summary>
    public async Task<DatasetVersion> GetAsync(string reference, CancellationToken cancellationToken = default)
    {
        var parsed = DatasetReference.Parse(reference);
        return await store.FindVersionAsync(parsed.Name, parsed.Version, cancellationToken).ConfigureAwait(false)
            ?? throw PrognosException.NotFound(parsed.Version is null
                ? $"No dataset named '{parsed.Name}'; list them with 'prognos dataset list' or register one with 'prognos dataset register {parsed.Name} --path FILE'."
                : $"Dataset '{parsed.Name}' has no version {parsed.Version}; see 'prognos dataset versions {parsed.Name}'.");
    }

    public Task<IReadOnlyList<DatasetSummary>> ListAsync(CancellationToken cancellationToken = default) => store.ListDatasetsAsync(cancellationToken);

    public async Task<IReadOnlyList<DatasetVersion>> VersionsAsync(string name, CancellationToken cancellationToken = default)
    {
        var versions = await store.ListVersionsAsync(name, cancellationToken).ConfigureAwait(false);
        return versions.Count > 0 ? versions : throw PrognosException.NotFound($"No dataset named '{name}'; list them with 'prognos dataset list'.");
    }

    public Task<IReadOnlyList<string>> InputsAsync(DatasetVersion version, CancellationToken cancellationToken = default) =>
        store.GetInputsAsync(version.Name, version.Version, cancellationToken);

    /// <summary>
    /// A DuckDB SQL expression that reads the version (e.g. <c>read_parquet('...')</c>). A reference whose source
    /// changed since registration is refused.
    /// </summary>
    public string ReadExpression(DatasetVersion version)
    {
        if (version.SnapshotPath is { } snapshot)
        {
            return $"read_parquet({Sql.Str(ParquetPath(version))})";
        }

        var files = ExpandGlob(version.ReferenceUri!);
        var hash = ContentHash(files, version.SourceFormat, reference: true);
        if (!string.Equals(hash, version.ContentHash, StringComparison.Ordinal))
        {
            throw PrognosException.InvalidState($"The source of {version.Reference} ({version.ReferenceUri}) changed since it was registered; register it again to make a new version.");
        }

        var list = "[" + string.Join(", ", files.Select(Sql.Str)) + "]";
        return version.SourceFormat switch
        {
            "parquet" => $"read_parquet({list})",
            "json" or "jsonl" => $"read_json_auto({list})",
            _ => $"read_csv({list})",
        };
    }

    /// <summary>The snapshot's Parquet file on disk (snapshots only).</summary>
    public string ParquetPath(DatasetVersion version) => version.SnapshotPath is { } snapshot
        ? Path.Combine(_artifactFolder, snapshot.Replace('/', Path.DirectorySeparatorChar))
        : throw PrognosException.InvalidState($"{version.Reference} is a reference to {version.ReferenceUri}, not a snapshot; read it with 'dataset head' or open it through the SDK.");

    /// <summary>Opens a version as a DuckDB relation (the SDK's entry point for DuckDB and row streaming).</summary>
    public DuckDbRelation Open(DatasetVersion version)
    {
        ReadExpression(version);
        return version.SnapshotPath is not null ? DuckDbRelation.OpenParquet(ParquetPath(version))
            : version.SourceFormat == "parquet" ? DuckDbRelation.OpenParquet(version.ReferenceUri!)
            : DuckDbRelation.OpenCsv(version.ReferenceUri!);
    }

    /// <summary>The profile computed at registration.</summary>
    public async Task<DatasetProfile> ProfileAsync(DatasetVersion version, CancellationToken cancellationToken = default)
    {
        var path = Path.Combine(FolderOf(version), "profile.json");
        if (!File.Exists(path))
        {
            throw PrognosException.NotFound($"No profile for {version.Reference} at {path}; register the data again to recompute it.");
        }

        await using var stream = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<DatasetProfile>(stream, DatasetProfile.JsonOptions, cancellationToken).ConfigureAwait(false)
            ?? throw PrognosException.InvalidState($"The profile of {version.Reference} is empty.");
    }

    /// <summary>The folder that holds a version's snapshot, profile and plot.</summary>
    public string FolderOf(DatasetVersion version) =>
        Path.Combine(_artifactFolder, "datasets", version.Name, version.ContentHash[..16]);

    /// <summary>The first rows as column names and values.</summary>
    public (IReadOnlyList<string> Columns, IReadOnlyList<object?[]> Rows) Head(DatasetVersion version, int rows, CancellationToken cancellationToken = default)
    {
        if (rows < 1)
        {
            throw PrognosException.InvalidParameter($"--rows is {rows}; give a positive number of rows.");
        }

        using var db = DuckDbSession.Open(":memory:");
        var expression = ReadExpression(version);
        var columns = db.Describe($"(SELECT * FROM {expression})", cancellationToken).Select(c => c.Name).ToList();
        return (columns, db.Rows($"SELECT * FROM {expression} LIMIT {rows.ToString(CultureInfo.InvariantCulture)}", cancellationToken));
    }

    /// <summary>Writes the version as CSV or Parquet to <paramref name="target"/>.</summary>
    public void Export(DatasetVersion version, string target, string format, CancellationToken cancellationToken = default)
    {
        var kind = format.Trim().ToLowerInvariant() switch
        {
            "csv" => "(FORMAT CSV, HEADER true)",
            "parquet" => "(FORMAT PARQUET)",
            _ => throw PrognosException.InvalidParameter($"--format '{format}' cannot be downloaded; use csv or parquet."),
        };
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(target))!);
        var temporary = target + ".partial";
        using (var db = DuckDbSession.Open(":memory:"))
        {
            db.Execute($"COPY (SELECT * FROM {ReadExpression(version)}) TO {Sql.Str(temporary)} {kind}", cancellationToken);
        }

        File.Move(temporary, target, overwrite: true);
    }

    private async Task<DatasetVersion?> FindByHashAsync(string name, string hash, CancellationToken cancellationToken)
    {
        foreach (var version in await store.ListVersionsAsync(name, cancellationToken).ConfigureAwait(false))
        {
            if (version.ContentHash == hash)
            {
                return version;
            }
        }

        return null;
    }

    private static long Load(DuckDbSession db, ResolvedSource source, string format, DatasetRegistration request, string rejectsPath, CancellationToken cancellationToken)
    {
        var list = "[" + string.Join(", ", source.Files.Select(Sql.Str)) + "]";
        switch (format)
        {
            case "csv":
                var input = new RecipeInput("data", source.Description, null, "csv", request.SkipBadRows, new Dictionary<string, string>(), null, true,
                    new SourceLocation("--path", 1, 1));
                var loader = new CsvInputLoader(db, input);
                var rejected = loader.Load("data", source.Files, cancellationToken);
                if (rejected > 0)
                {
                    loader.WriteRejects(rejectsPath, cancellationToken);
                }

                return rejected;
            case "parquet":
                db.Execute($"CREATE TABLE data AS SELECT * FROM read_parquet({list})", cancellationToken);
                return 0;
            default:
                db.Execute($"CREATE TABLE data AS SELECT * FROM read_json_auto({list}{(format == "jsonl" ? ", format = 'newline_delimited'" : "")})", cancellationToken);
                return 0;
        }
    }

    private static void RequireColumn(IReadOnlyList<RelationColumn> columns, string? column, string option)
    {
        if (column is not null && columns.All(c => c.Name != column))
        {
            throw PrognosException.InvalidParameter($"{option} '{column}' is not a column of the data; columns are: {string.Join(", ", columns.Select(c => c.Name))}.");
        }
    }

    private async Task<ResolvedSource> ResolveSourceAsync(string source, string format, string staging, CancellationToken cancellationToken)
    {
        var colon = source.IndexOf(':', StringComparison.Ordinal);
        if (colon > 1 && !Path.IsPathRooted(source))
        {
            var storeName = source[..colon];
            var inside = source[(colon + 1)..];
            var datastore = await datastores(storeName, cancellationToken).ConfigureAwait(false);
            if (datastore.FolderPath is { } folder)
            {
                var pattern = Path.Combine(folder, inside);
                return new ResolvedSource(ExpandGlob(pattern), source, pattern);
            }

            var exported = Path.Combine(staging, "table.csv");
            await datastore.ExportTableAsync!(inside, exported, cancellationToken).ConfigureAwait(false);
            if (format != "csv")
            {
                throw PrognosException.InvalidParameter($"A table from datastore '{storeName}' is read as csv; drop --format {format}.");
            }

            return new ResolvedSource([exported], source, null);
        }

        var full = Path.GetFullPath(source);
        return new ResolvedSource(ExpandGlob(full), full, full);
    }

    private static IReadOnlyList<string> ExpandGlob(string pattern)
    {
        var folder = Path.GetDirectoryName(pattern) ?? ".";
        var name = Path.GetFileName(pattern);
        if (!name.Contains('*') && !name.Contains('?'))
        {
            return File.Exists(pattern) ? [pattern] : throw PrognosException.NotFound($"--path '{pattern}' does not exist; give an existing file or a glob such as data/*.csv.");
        }

        var files = Directory.Exists(folder) ? Directory.GetFiles(folder, name).Order(StringComparer.Ordinal).ToList() : [];
        return files.Count > 0 ? files : throw PrognosException.NotFound($"--path '{pattern}' matches no file; check the folder and the pattern.");
    }

    private static string ContentHash(IReadOnlyList<string> files, string format, bool reference)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(System.Text.Encoding.UTF8.GetBytes($"prognos-dataset/1|{format}|{(reference ? "ref" : "snap")}\n"));
        var buffer = new byte[1 << 16];
        foreach (var file in files)
        {
            sha.AppendData(System.Text.Encoding.UTF8.GetBytes(Path.GetFileName(file) + "\n"));
            using var stream = File.OpenRead(file);
            int read;
            while ((read = stream.Read(buffer)) > 0)
            {
                sha.AppendData(buffer.AsSpan(0, read));
            }
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private sealed record ResolvedSource(IReadOnlyList<string> Files, string Description, string? ReferenceUri);
}
