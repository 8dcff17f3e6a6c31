using Microsoft.Data.Sqlite;
using Prognos.Storage.Workspaces;
using Prognos.Tracking;
using Xunit;

namespace Prognos.Storage.Tests;

/// <summary>Real processes against one SQLite workspace: no "database is locked", no corruption after kill -9.</summary>
public sealed class SqliteConcurrencyTests
{
    [Fact]
    public async Task Eight_processes_log_to_one_workspace_at_once_without_errors()
    {
        var folder = TempFolder.Create("conc");
        await (await LocalWorkspace.InitAsync(folder, null, TestOptions.Default)).DisposeAsync();
        const int runsEach = 15;

        var processes = Enumerable.Range(0, 8).Select(_ => ChildProcess.Start("batches", folder, "shared", runsEach.ToString())).ToList();
        var outputs = await Task.WhenAll(processes.Select(async p =>
        {
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEndAsync();
            await p.WaitForExitAsync();
            return (p.ExitCode, Out: await stdout, Err: await stderr);
        }));

        foreach (var (code, stdout, stderr) in outputs)
        {
            Assert.True(code == 0, $"exit {code}: {stderr}");
            Assert.Contains("ok", stdout);
            Assert.DoesNotContain("locked", stderr, StringComparison.OrdinalIgnoreCase);
        }

        await using var workspace = await LocalWorkspace.OpenAsync(folder, TestOptions.Default);
        var page = await workspace.SearchRunsAsync(new RunSearchQuery(["shared"], "attributes.status = 'FINISHED'"));
        Assert.Equal(8 * runsEach, page.Runs.Count);
        Assert.All(page.Runs, r => Assert.Equal(199, r.Data.Metric("loss")));
        Assert.Equal(8, page.Runs.Select(r => r.Data.Params["pid"]).Distinct().Count());
        TempFolder.Delete(folder);
    }

    [Fact]
    public async Task Killing_a_logging_process_loses_at_most_the_unflushed_buffer_and_never_corrupts_the_store()
    {
        var folder = TempFolder.Create("kill");
        await (await LocalWorkspace.InitAsync(folder, null, TestOptions.Default)).DisposeAsync();

        var process = ChildProcess.Start("log", folder, "crash", "100000000");
        string? runId = null;
        var flushed = 0;
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("run ", StringComparison.Ordinal))
            {
                runId = line[4..];
            }
            else if (line.StartsWith("flushed ", StringComparison.Ordinal))
            {
                flushed = int.Parse(line[8..]);
                if (flushed >= 20_000)
                {
                    process.Kill(entireProcessTree: true);
                    break;
                }
            }
        }

        await process.WaitForExitAsync();
        Assert.NotNull(runId);

        await using (var check = new SqliteConnection($"Data Source={Path.Combine(folder, "prognos.db")};Pooling=False"))
        {
            await check.OpenAsync();
            await using var command = check.CreateCommand();
            command.CommandText = "PRAGMA integrity_check";
            Assert.Equal("ok", await command.ExecuteScalarAsync());
        }

        await using var workspace = await LocalWorkspace.OpenAsync(folder, TestOptions.Default);
        var history = await workspace.GetMetricHistoryAsync(runId!, "x");
        Assert.True(history.Count >= flushed, $"{history.Count} stored < {flushed} flushed");
        // Batches are written whole: the stored points are exactly 0..n-1, no holes.
        Assert.Equal(Enumerable.Range(0, history.Count).Select(i => (double)i), history.Select(m => m.Value));
        TempFolder.Delete(folder);
    }
}
