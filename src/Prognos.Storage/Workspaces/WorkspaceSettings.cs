using Prognos.Errors;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Prognos.Storage.Workspaces;

/// <summary>The contents of <c>prognos.yaml</c>: format version, store URI and artifact folder.</summary>
public sealed class WorkspaceSettings
{
    public const string FileName = "prognos.yaml";
    public const int CurrentVersion = 1;

    public int Version { get; set; } = CurrentVersion;

    public string Store { get; set; } = "sqlite:prognos.db";

    public string Artifacts { get; set; } = "artifacts";

    public static WorkspaceSettings Load(string folder)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
        {
            throw PrognosException.NotFound($"'{folder}' is not a Prognos workspace (no {FileName}); create one with 'prognos init {folder}'.");
        }

        WorkspaceSettings settings;
        try
        {
            settings = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build()
                .Deserialize<WorkspaceSettings?>(File.ReadAllText(path)) ?? new WorkspaceSettings();
        }
        catch (YamlException ex)
        {
            throw PrognosException.InvalidParameter($"{path}:{ex.Start.Line}:{ex.Start.Column}: {ex.Message.TrimEnd('.')}. Fix the file; valid keys are version, store and artifacts.");
        }

        if (settings.Version > CurrentVersion)
        {
            throw new PrognosException(ErrorCode.IncompatibleStore, $"{path} has version {settings.Version}, newer than this Prognos reads ({CurrentVersion}); upgrade Prognos.");
        }

        return settings;
    }

    public void Save(string folder)
    {
        var text = $"""
            # Prognos workspace. Docs: docs/workspace.md
            version: {Version}
            # Metadata store: sqlite:FILE (relative to this folder) or postgresql://user@host:5432/db[?schema=name]
            store: {Store}
            # Artifact root (relative to this folder)
            artifacts: {Artifacts}

            """;
        File.WriteAllText(Path.Combine(folder, FileName), text);
    }
}
