using Prognos.Errors;
using Prognos.Storage.Workspaces;
using Xunit;

namespace Prognos.Storage.Tests;

public sealed class WorkspaceLocatorTests
{
    [Fact]
    public void The_explicit_folder_wins_then_the_environment_then_the_nearest_parent()
    {
        var root = TempFolder.Create("loc");
        var a = Path.Combine(root, "a");
        var b = Path.Combine(root, "b");
        var deep = Path.Combine(a, "x", "y");
        Directory.CreateDirectory(deep);
        Directory.CreateDirectory(b);
        new WorkspaceSettings().Save(a);
        new WorkspaceSettings().Save(b);

        Assert.Equal(b, WorkspaceLocator.Locate(b, a, deep));
        Assert.Equal(b, WorkspaceLocator.Locate(null, b, deep));
        Assert.Equal(a, WorkspaceLocator.Locate(null, null, deep));
    }

    [Fact]
    public void No_workspace_anywhere_says_how_to_make_one()
    {
        var empty = TempFolder.Create("none");
        var ex = Assert.Throws<PrognosException>(() => WorkspaceLocator.Locate(null, null, empty));
        Assert.Equal(ErrorCode.ResourceDoesNotExist, ex.Code);
        Assert.Contains("prognos init", ex.Message);
        var bad = Assert.Throws<PrognosException>(() => WorkspaceLocator.Locate(empty, null, empty));
        Assert.Contains("--workspace", bad.Message);
    }

    [Theory]
    [InlineData("postgresql://alice:s3cret@db.local:6543/prognos?schema=team_a", "db.local", 6543, "prognos", "alice", "team_a")]
    [InlineData("postgres://bob@localhost/metrics", "localhost", 5432, "metrics", "bob", null)]
    public void Postgres_URIs_become_connection_strings(string uri, string host, int port, string database, string user, string? schema)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(StoreLocation.Parse(uri, "/tmp").Target);
        Assert.Equal(host, builder.Host);
        Assert.Equal(port, builder.Port);
        Assert.Equal(database, builder.Database);
        Assert.Equal(user, builder.Username);
        Assert.Equal(schema, string.IsNullOrEmpty(builder.SearchPath) ? null : builder.SearchPath);
    }

    [Fact]
    public void Passwords_are_redacted_and_bad_URIs_say_what_to_write()
    {
        Assert.Equal("postgresql://alice:***@h/db", StoreLocation.Redact("postgresql://alice:s3cret@h/db"));
        var ex = Assert.Throws<PrognosException>(() => StoreLocation.Parse("mysql://x:secretpw@h/db", "/tmp"));
        Assert.DoesNotContain("secretpw", ex.Message);
        Assert.Contains("postgresql://", ex.Message);
        Assert.Throws<PrognosException>(() => StoreLocation.Parse("postgresql://h", "/tmp"));
        Assert.Equal(StoreKind.Sqlite, StoreLocation.Parse("sqlite:meta.db", "/tmp/ws").Kind);
        Assert.Equal("/tmp/ws/meta.db", StoreLocation.Parse("sqlite:meta.db", "/tmp/ws").Target);
        Assert.Equal("/var/x.db", StoreLocation.Parse("sqlite:///var/x.db", "/tmp/ws").Target);
    }

    [Fact]
    public void The_git_commit_is_read_from_the_working_folder()
    {
        var root = TempFolder.Create("git");
        Directory.CreateDirectory(Path.Combine(root, ".git", "refs", "heads"));
        File.WriteAllText(Path.Combine(root, ".git", "HEAD"), "ref: refs/heads/main\n");
        File.WriteAllText(Path.Combine(root, ".git", "refs", "heads", "main"), new string('a', 40) + "\n");
        Directory.CreateDirectory(Path.Combine(root, "src"));

        Assert.Equal(new string('a', 40), RunSourceTags.FindGitCommit(Path.Combine(root, "src")));
        Assert.Null(RunSourceTags.FindGitCommit(TempFolder.Create("nogit")));
    }
}
