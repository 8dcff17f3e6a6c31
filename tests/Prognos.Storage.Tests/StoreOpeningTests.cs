using Microsoft.Data.Sqlite;
using Prognos.Errors;
using Prognos.Storage.Workspaces;
using Xunit;

namespace Prognos.Storage.Tests;

public sealed class StoreOpeningTests
{
    [Fact]
    public async Task Init_creates_yaml_database_in_WAL_mode_and_artifact_folder()
    {
        var folder = Path.Combine(TempFolder.Create("init"), "ws");

        await using (var workspace = await LocalWorkspace.InitAsync(folder, null, TestOptions.Default))
        {
            Assert.StartsWith("sqlite:", workspace.StoreDescription);
        }

        Assert.True(File.Exists(Path.Combine(folder, "prognos.yaml")));
        Assert.True(Directory.Exists(Path.Combine(folder, "artifacts")));
        Assert.Contains("store: sqlite:prognos.db", await File.ReadAllTextAsync(Path.Combine(folder, "prognos.yaml")));
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(folder, "prognos.db")};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", await command.ExecuteScalarAsync());
        var again = await Assert.ThrowsAsync<PrognosException>(() => LocalWorkspace.InitAsync(folder));
        Assert.Equal(ErrorCode.ResourceAlreadyExists, again.Code);
    }

    [Fact]
    public async Task A_database_from_a_newer_Prognos_is_refused_and_left_untouched()
    {
        var folder = TempFolder.Create("newer");
        await (await LocalWorkspace.InitAsync(folder, null, TestOptions.Default)).DisposeAsync();
        var database = Path.Combine(folder, "prognos.db");
        await using (var connection = new SqliteConnection($"Data Source={database};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE schema_version SET version = 99";
            await command.ExecuteNonQueryAsync();
        }

        var ex = await Assert.ThrowsAsync<PrognosException>(() => LocalWorkspace.OpenAsync(folder, TestOptions.Default));

        Assert.Equal(ErrorCode.IncompatibleStore, ex.Code);
        Assert.Contains("99", ex.Message);
        Assert.Contains("Upgrade Prognos", ex.Message);
        await using (var connection = new SqliteConnection($"Data Source={database};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT version FROM schema_version";
            Assert.Equal(99L, await command.ExecuteScalarAsync());
        }
    }

    [Fact]
    public async Task An_unreadable_database_file_is_refused_with_what_to_do()
    {
        var folder = TempFolder.Create("garbage");
        new WorkspaceSettings().Save(folder);
        var garbage = new byte[8192];
        new Random(1).NextBytes(garbage);
        await File.WriteAllBytesAsync(Path.Combine(folder, "prognos.db"), garbage);

        var ex = await Assert.ThrowsAsync<PrognosException>(() => LocalWorkspace.OpenAsync(folder, TestOptions.Default));

        Assert.Equal(ErrorCode.IncompatibleStore, ex.Code);
        Assert.Contains("not a readable Prognos SQLite database", ex.Message);
        Assert.Equal(garbage, await File.ReadAllBytesAsync(Path.Combine(folder, "prognos.db")));
    }

    [Fact]
    public void A_malformed_prognos_yaml_names_the_line()
    {
        var folder = TempFolder.Create("yaml");
        File.WriteAllText(Path.Combine(folder, "prognos.yaml"), "version: 1\nstore: [unclosed\n");

        var ex = Assert.Throws<PrognosException>(() => WorkspaceSettings.Load(folder));

        Assert.Equal(ErrorCode.InvalidParameterValue, ex.Code);
        Assert.Contains("prognos.yaml:", ex.Message);
    }

    [Fact]
    public async Task Migrations_are_idempotent_across_reopens()
    {
        var folder = TempFolder.Create("reopen");
        await (await LocalWorkspace.InitAsync(folder, null, TestOptions.Default)).DisposeAsync();
        for (var i = 0; i < 3; i++)
        {
            await using var workspace = await LocalWorkspace.OpenAsync(folder, TestOptions.Default);
            Assert.Single(await workspace.ListExperimentsAsync());
        }
    }
}
