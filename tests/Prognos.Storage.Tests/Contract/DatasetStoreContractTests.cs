using Prognos.Datasets;
using Prognos.Errors;
using Prognos.Storage.Workspaces;
using Xunit;

namespace Prognos.Storage.Tests.Contract;

/// <summary>The dataset store behaves the same on SQLite and PostgreSQL.</summary>
public abstract class DatasetStoreContractTests(IWorkspaceFactory factory) : IAsyncLifetime
{
    private IDatasetStore _store = null!;

    public async ValueTask InitializeAsync()
    {
        if (factory.SkipReason is { } reason)
        {
            Assert.Skip(reason);
        }

        _store = ((LocalWorkspace)await factory.CreateAsync()).Datasets;
    }

    public ValueTask DisposeAsync() => factory.DisposeAsync();

    private static NewDatasetVersion Version(string name, string hash, params string[] inputs) => new(
        name, hash, "csv", "/data/x.csv", $"datasets/{name}/{hash}/data.parquet", null, 10, 100,
        [new DatasetColumn("Date", "TIMESTAMP"), new DatasetColumn("Value", "DOUBLE")], "Date", null, "d", null, "tester", inputs);

    [Fact]
    public async Task Versions_are_numbered_per_name_and_the_same_content_is_not_registered_twice()
    {
        var (v1, created1) = await _store.RegisterVersionAsync(Version("sales", "aaa"));
        var (again, created2) = await _store.RegisterVersionAsync(Version("sales", "aaa"));
        var (v2, _) = await _store.RegisterVersionAsync(Version("sales", "bbb"));
        var (other, _) = await _store.RegisterVersionAsync(Version("costs", "aaa"));

        Assert.True(created1);
        Assert.False(created2);
        Assert.Equal(1, v1.Version);
        Assert.Equal(1, again.Version);
        Assert.Equal(2, v2.Version);
        Assert.Equal(1, other.Version);
        Assert.Equal(2, (await _store.FindVersionAsync("sales", null))!.Version);
        Assert.Equal("aaa", (await _store.FindVersionAsync("sales", 1))!.ContentHash);
        Assert.Null(await _store.FindVersionAsync("sales", 3));
        Assert.Null(await _store.FindVersionAsync("nothing", null));
        Assert.Equal(["costs", "sales"], (await _store.ListDatasetsAsync()).Select(d => d.Name));
        Assert.Equal([1, 2], (await _store.ListVersionsAsync("sales")).Select(v => v.Version));
        var stored = (await _store.FindVersionAsync("sales", 1))!;
        Assert.Equal(["Date", "Value"], stored.Columns.Select(c => c.Name));
        Assert.Equal("Date", stored.TimeColumn);
    }

    [Fact]
    public async Task Lineage_is_recorded_and_unknown_inputs_are_refused_without_a_version()
    {
        await _store.RegisterVersionAsync(Version("raw", "r1"));
        var (clean, _) = await _store.RegisterVersionAsync(Version("clean", "c1", "raw:1"));

        Assert.Equal(["raw:1"], await _store.GetInputsAsync("clean", clean.Version));
        var ex = await Assert.ThrowsAsync<PrognosException>(() => _store.RegisterVersionAsync(Version("clean", "c2", "raw:9")));
        Assert.Equal(ErrorCode.ResourceDoesNotExist, ex.Code);
        Assert.Single(await _store.ListVersionsAsync("clean"));
    }

    [Fact]
    public async Task Concurrent_registrations_of_one_name_get_distinct_versions()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => _store.RegisterVersionAsync(Version("busy", $"h{i}"))));
        Assert.Equal([1, 2, 3, 4, 5, 6], results.Select(r => r.Version.Version).Order());
    }
}
