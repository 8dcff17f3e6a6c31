using Npgsql;
using Prognos.Storage.Workspaces;
using Prognos.Workspaces;

namespace Prognos.Storage.Tests.Contract;

/// <summary>Each workspace lives in its own PostgreSQL schema, dropped afterwards.</summary>
public sealed class PostgresWorkspaceFactory : IWorkspaceFactory
{
    public const string EnvironmentVariable = "PROGNOS_TEST_POSTGRES";

    private readonly List<string> _schemas = [];
    private readonly List<string> _folders = [];
    private readonly List<IWorkspace> _open = [];

    public static string? BaseUri => Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } uri ? uri : null;

    public string? SkipReason => BaseUri is null
        ? $"PostgreSQL is not configured: set {EnvironmentVariable}=postgresql://user:password@127.0.0.1:5432/db (scripts/test.sh does this when run as root)."
        : null;

    public async Task<IWorkspace> CreateAsync()
    {
        var schema = "t_" + Guid.NewGuid().ToString("N")[..12];
        _schemas.Add(schema);
        var folder = TempFolder.Create("pg");
        _folders.Add(folder);
        var workspace = await LocalWorkspace.InitAsync(folder, $"{BaseUri}?schema={schema}", TestOptions.Default);
        _open.Add(workspace);
        return workspace;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var workspace in _open)
        {
            await workspace.DisposeAsync();
        }

        if (BaseUri is { } uri && _schemas.Count > 0)
        {
            await using var connection = new NpgsqlConnection(StoreLocation.ToNpgsqlConnectionString(uri));
            await connection.OpenAsync();
            foreach (var schema in _schemas)
            {
                await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE", connection);
                await drop.ExecuteNonQueryAsync();
            }
        }

        foreach (var folder in _folders)
        {
            TempFolder.Delete(folder);
        }
    }
}
