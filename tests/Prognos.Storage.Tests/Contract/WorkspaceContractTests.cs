using Prognos.Errors;
using Prognos.Tracking;
using Prognos.Workspaces;
using Xunit;

namespace Prognos.Storage.Tests.Contract;

/// <summary>
/// The behaviour every <see cref="IWorkspace"/> must have, whatever stores it. Subclassed once per implementation
/// (SQLite, PostgreSQL, and later the remote workspace over HTTP); the tests themselves never change.
/// </summary>
public abstract class WorkspaceContractTests : IAsyncLifetime
{
    private readonly IWorkspaceFactory _factory;
    private IWorkspace? _workspace;

    protected WorkspaceContractTests(IWorkspaceFactory factory)
    {
        _factory = factory;
    }

    protected IWorkspace Workspace => _workspace!;

    public async ValueTask InitializeAsync()
    {
        if (_factory.SkipReason is { } reason)
        {
            Assert.Skip(reason);
        }

        _workspace = await _factory.CreateAsync();
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    private static async Task<PrognosException> Fails(ErrorCode code, Func<Task> action)
    {
        var ex = await Assert.ThrowsAsync<PrognosException>(action);
        Assert.Equal(code, ex.Code);
        return ex;
    }

    private async Task<Run> NewRunAsync(string experiment = "exp", string? name = null, string? parent = null)
    {
        var e = await Workspace.GetOrCreateExperimentAsync(experiment);
        return await Workspace.CreateRunAsync(new CreateRunRequest(e.ExperimentId, name, parent));
    }

    // ---- experiments ----

    [Fact]
    public async Task Experiments_are_created_found_by_id_and_name_and_listed()
    {
        var created = await Workspace.CreateExperimentAsync("air-passengers", new Dictionary<string, string> { ["team"] = "forecasting" });

        var byId = await Workspace.GetExperimentAsync(created.ExperimentId);
        var byName = await Workspace.GetExperimentAsync("air-passengers");

        Assert.Equal(created.ExperimentId, byId.ExperimentId);
        Assert.Equal(created.ExperimentId, byName.ExperimentId);
        Assert.Equal("forecasting", byName.Tags["team"]);
        Assert.Equal(LifecycleStage.Active, byName.LifecycleStage);
        var names = (await Workspace.ListExperimentsAsync()).Select(e => e.Name).ToList();
        Assert.Contains("Default", names);
        Assert.Contains("air-passengers", names);
    }

    [Fact]
    public async Task A_duplicate_experiment_name_is_refused()
    {
        await Workspace.CreateExperimentAsync("dup");
        var ex = await Fails(ErrorCode.ResourceAlreadyExists, () => Workspace.CreateExperimentAsync("dup"));
        Assert.Contains("dup", ex.Message);
        Assert.Single(await Workspace.ListExperimentsAsync(), e => e.Name == "dup");
    }

    [Fact]
    public async Task An_unknown_experiment_is_reported_with_what_to_do()
    {
        var ex = await Fails(ErrorCode.ResourceDoesNotExist, () => Workspace.GetExperimentAsync("nope"));
        Assert.Contains("prognos experiment", ex.Message);
    }

    [Fact]
    public async Task Experiments_are_renamed_and_tagged_and_a_taken_name_is_refused()
    {
        var a = await Workspace.CreateExperimentAsync("a");
        await Workspace.CreateExperimentAsync("b");

        var renamed = await Workspace.RenameExperimentAsync("a", "a2");
        await Workspace.SetExperimentTagAsync("a2", "owner", "ops");

        Assert.Equal(a.ExperimentId, renamed.ExperimentId);
        Assert.Equal("a2", renamed.Name);
        Assert.Equal("ops", (await Workspace.GetExperimentAsync("a2")).Tags["owner"]);
        await Fails(ErrorCode.ResourceAlreadyExists, () => Workspace.RenameExperimentAsync("a2", "b"));
        Assert.Equal("a2", (await Workspace.GetExperimentAsync(a.ExperimentId)).Name);
    }

    [Fact]
    public async Task Deleted_experiments_are_hidden_refuse_new_runs_and_can_be_restored()
    {
        var e = await Workspace.CreateExperimentAsync("gone");

        await Workspace.DeleteExperimentAsync("gone");

        Assert.DoesNotContain((await Workspace.ListExperimentsAsync()), x => x.Name == "gone");
        Assert.Contains((await Workspace.ListExperimentsAsync(ViewType.DeletedOnly)), x => x.Name == "gone");
        await Fails(ErrorCode.InvalidState, () => Workspace.CreateRunAsync(new CreateRunRequest(e.ExperimentId)));
        await Workspace.RestoreExperimentAsync("gone");
        Assert.Equal(LifecycleStage.Active, (await Workspace.GetExperimentAsync("gone")).LifecycleStage);
        await Workspace.CreateRunAsync(new CreateRunRequest(e.ExperimentId));
    }

    [Fact]
    public async Task The_default_experiment_cannot_be_deleted()
    {
        await Fails(ErrorCode.InvalidParameterValue, () => Workspace.DeleteExperimentAsync("0"));
    }

    // ---- runs ----

    [Fact]
    public async Task A_new_run_is_running_with_a_name_start_time_and_system_tags()
    {
        var run = await NewRunAsync(name: "first");

        var stored = await Workspace.GetRunAsync(run.Info.RunId);

        Assert.Equal(32, stored.Info.RunId.Length);
        Assert.True(stored.Info.RunId.All(Uri.IsHexDigit));
        Assert.Equal("first", stored.Info.RunName);
        Assert.Equal(RunStatus.Running, stored.Info.Status);
        Assert.True(stored.Info.StartTime > 1_600_000_000_000);
        Assert.Null(stored.Info.EndTime);
        Assert.Equal("tester", stored.Data.Tags["prognos.user"]);
        Assert.Equal("test-machine", stored.Data.Tags["prognos.source.machine"]);
        Assert.Equal("tester", stored.Info.UserId);
    }

    [Fact]
    public async Task A_run_without_a_name_gets_a_readable_one()
    {
        var run = await NewRunAsync();
        Assert.Matches("^[a-z]+-[a-z]+-[0-9]{3}$", run.Info.RunName);
    }

    [Fact]
    public async Task An_unknown_run_is_reported()
    {
        await Fails(ErrorCode.ResourceDoesNotExist, () => Workspace.GetRunAsync(new string('a', 32)));
        await Fails(ErrorCode.ResourceDoesNotExist, () => Workspace.LogBatchAsync(new string('b', 32), new LogBatch(Tags: new Dictionary<string, string> { ["k"] = "v" })));
    }

    [Fact]
    public async Task Child_runs_record_their_parent_and_live_in_its_experiment()
    {
        var parent = await NewRunAsync("exp", "parent");
        var child = await NewRunAsync("exp", "child", parent.Info.RunId);

        var stored = await Workspace.GetRunAsync(child.Info.RunId);

        Assert.Equal(parent.Info.RunId, stored.Info.ParentRunId);
        Assert.Equal(parent.Info.RunId, stored.Data.Tags["prognos.parentRunId"]);
        var other = await Workspace.CreateExperimentAsync("other");
        await Fails(ErrorCode.InvalidParameterValue, () => Workspace.CreateRunAsync(new CreateRunRequest(other.ExperimentId, ParentRunId: parent.Info.RunId)));
        var search = await Workspace.SearchRunsAsync(new RunSearchQuery(["exp"], $"tags.`prognos.parentRunId` = '{parent.Info.RunId}'"));
        Assert.Equal(child.Info.RunId, Assert.Single(search.Runs).Info.RunId);
    }

    [Fact]
    public async Task Ending_a_run_sets_its_status_and_end_time()
    {
        var run = await NewRunAsync();

        var ended = await Workspace.UpdateRunAsync(run.Info.RunId, new RunUpdate(RunStatus.Failed));

        Assert.Equal(RunStatus.Failed, ended.Status);
        Assert.NotNull(ended.EndTime);
        var stored = await Workspace.GetRunAsync(run.Info.RunId);
        Assert.Equal(RunStatus.Failed, stored.Info.Status);
        Assert.Equal(ended.EndTime, stored.Info.EndTime);
    }

    // ---- params, metrics, tags ----

    [Fact]
    public async Task Params_are_immutable_and_a_conflicting_batch_stores_nothing()
    {
        var run = await NewRunAsync();
        var id = run.Info.RunId;
        await Workspace.LogBatchAsync(id, new LogBatch(Params: new Dictionary<string, string> { ["model"] = "ets" }));

        await Workspace.LogBatchAsync(id, new LogBatch(Params: new Dictionary<string, string> { ["model"] = "ets" }));
        var ex = await Fails(ErrorCode.InvalidParameterValue, () => Workspace.LogBatchAsync(id, new LogBatch(
            Metrics: [new Metric("rmse", 1, 1)],
            Params: new Dictionary<string, string> { ["model"] = "arima", ["new"] = "x" })));

        Assert.Contains("model", ex.Message);
        Assert.Contains("immutable", ex.Message);
        var stored = await Workspace.GetRunAsync(id);
        Assert.Equal("ets", stored.Data.Params["model"]);
        Assert.False(stored.Data.Params.ContainsKey("new"));
        Assert.Empty(stored.Data.Metrics);
    }

    [Fact]
    public async Task Metric_history_is_kept_and_the_latest_is_the_greatest_step()
    {
        var run = await NewRunAsync();
        var id = run.Info.RunId;

        await Workspace.LogBatchAsync(id, new LogBatch(Metrics: [new Metric("loss", 3, 100, 0), new Metric("loss", 1, 300, 2), new Metric("loss", 2, 200, 1)]));
        await Workspace.LogBatchAsync(id, new LogBatch(Metrics: [new Metric("loss", 9, 50, 1)]));

        var history = await Workspace.GetMetricHistoryAsync(id, "loss");
        Assert.Equal([0L, 1, 1, 2], history.Select(m => m.Step));
        Assert.Equal(4, history.Count);
        Assert.Equal(1, (await Workspace.GetRunAsync(id)).Data.Metric("loss"));
    }

    [Fact]
    public async Task NaN_and_infinities_round_trip()
    {
        var run = await NewRunAsync();
        var id = run.Info.RunId;

        await Workspace.LogBatchAsync(id, new LogBatch(Metrics:
        [
            new Metric("a", double.NaN, 1, 0), new Metric("b", double.PositiveInfinity, 1, 0), new Metric("c", double.NegativeInfinity, 1, 0),
        ]));

        var data = (await Workspace.GetRunAsync(id)).Data;
        Assert.True(double.IsNaN(data.Metric("a")!.Value));
        Assert.Equal(double.PositiveInfinity, data.Metric("b"));
        Assert.Equal(double.NegativeInfinity, data.Metric("c"));
        Assert.True(double.IsNaN(Assert.Single(await Workspace.GetMetricHistoryAsync(id, "a")).Value));
    }

    [Fact]
    public async Task Tags_are_overwritten_and_deleted()
    {
        var run = await NewRunAsync();
        var id = run.Info.RunId;

        await Workspace.LogBatchAsync(id, new LogBatch(Tags: new Dictionary<string, string> { ["stage"] = "dev" }));
        await Workspace.LogBatchAsync(id, new LogBatch(Tags: new Dictionary<string, string> { ["stage"] = "prod" }));
        Assert.Equal("prod", (await Workspace.GetRunAsync(id)).Data.Tags["stage"]);

        await Workspace.DeleteTagAsync(id, "stage");
        Assert.False((await Workspace.GetRunAsync(id)).Data.Tags.ContainsKey("stage"));
        await Fails(ErrorCode.ResourceDoesNotExist, () => Workspace.DeleteTagAsync(id, "stage"));
    }

    public static TheoryData<string> OversizedBatches() => ["metrics", "params", "tags", "items", "key", "param-value", "tag-value"];

    [Theory]
    [MemberData(nameof(OversizedBatches))]
    public async Task Batches_beyond_MLflow_limits_are_refused_and_store_nothing(string what)
    {
        var run = await NewRunAsync();
        var batch = what switch
        {
            "metrics" => new LogBatch(Metrics: Enumerable.Range(0, 1001).Select(i => new Metric("m", i, 1, i)).ToList()),
            "params" => new LogBatch(Params: Enumerable.Range(0, 101).ToDictionary(i => $"p{i}", i => "v")),
            "tags" => new LogBatch(Tags: Enumerable.Range(0, 101).ToDictionary(i => $"t{i}", i => "v")),
            "items" => new LogBatch(
                Metrics: Enumerable.Range(0, 900).Select(i => new Metric("m", i, 1, i)).ToList(),
                Params: Enumerable.Range(0, 60).ToDictionary(i => $"p{i}", i => "v"),
                Tags: Enumerable.Range(0, 60).ToDictionary(i => $"t{i}", i => "v")),
            "key" => new LogBatch(Metrics: [new Metric(new string('k', 251), 1, 1)]),
            "param-value" => new LogBatch(Params: new Dictionary<string, string> { ["p"] = new string('v', 6001) }),
            _ => new LogBatch(Tags: new Dictionary<string, string> { ["t"] = new string('v', 8001) }),
        };

        await Fails(ErrorCode.InvalidParameterValue, () => Workspace.LogBatchAsync(run.Info.RunId, batch));

        var stored = await Workspace.GetRunAsync(run.Info.RunId);
        Assert.Empty(stored.Data.Metrics);
        Assert.Empty(stored.Data.Params);
    }

    [Fact]
    public async Task Batches_at_MLflow_limits_are_accepted()
    {
        var run = await NewRunAsync();
        await Workspace.LogBatchAsync(run.Info.RunId, new LogBatch(
            Metrics: Enumerable.Range(0, 800).Select(i => new Metric("m", i, 1, i)).ToList(),
            Params: Enumerable.Range(0, 100).ToDictionary(i => $"p{i}" + new string('x', 240), i => new string('v', 6000)),
            Tags: Enumerable.Range(0, 100).ToDictionary(i => $"t{i}", i => new string('v', 8000))));

        var stored = await Workspace.GetRunAsync(run.Info.RunId);
        Assert.Equal(100, stored.Data.Params.Count);
        Assert.Equal(799, stored.Data.Metric("m"));
    }

    [Fact]
    public async Task A_finished_run_refuses_metrics_and_params_but_takes_tags_and_can_be_reopened()
    {
        var run = await NewRunAsync();
        var id = run.Info.RunId;
        await Workspace.UpdateRunAsync(id, new RunUpdate(RunStatus.Finished));

        var ex = await Fails(ErrorCode.InvalidState, () => Workspace.LogBatchAsync(id, new LogBatch(Metrics: [new Metric("m", 1, 1)])));
        Assert.Contains("FINISHED", ex.Message);
        await Fails(ErrorCode.InvalidState, () => Workspace.LogBatchAsync(id, new LogBatch(Params: new Dictionary<string, string> { ["p"] = "1" })));
        await Workspace.LogBatchAsync(id, new LogBatch(Tags: new Dictionary<string, string> { ["note"] = "reviewed" }));

        await Workspace.UpdateRunAsync(id, new RunUpdate(RunStatus.Running));
        await Workspace.LogBatchAsync(id, new LogBatch(Metrics: [new Metric("m", 1, 1)]));
        var stored = await Workspace.GetRunAsync(id);
        Assert.Equal("reviewed", stored.Data.Tags["note"]);
        Assert.Equal(1, stored.Data.Metric("m"));
        Assert.Null(stored.Info.EndTime);
    }

    [Fact]
    public async Task A_deleted_run_refuses_every_write_until_restored()
    {
        var run = await NewRunAsync();
        var id = run.Info.RunId;
        await Workspace.DeleteRunAsync(id);

        await Fails(ErrorCode.InvalidState, () => Workspace.LogBatchAsync(id, new LogBatch(Tags: new Dictionary<string, string> { ["a"] = "b" })));
        await Fails(ErrorCode.InvalidState, () => Workspace.LogArtifactAsync(id, "x.txt", new MemoryStream([1])));
        await Fails(ErrorCode.InvalidState, () => Workspace.UpdateRunAsync(id, new RunUpdate(RunStatus.Finished)));
        Assert.Equal(LifecycleStage.Deleted, (await Workspace.GetRunAsync(id)).Info.LifecycleStage);

        await Workspace.RestoreRunAsync(id);
        await Workspace.LogBatchAsync(id, new LogBatch(Tags: new Dictionary<string, string> { ["a"] = "b" }));
    }

    // ---- artifacts and logs ----

    [Fact]
    public async Task Artifacts_are_uploaded_listed_and_downloaded_as_files_and_folders()
    {
        var run = await NewRunAsync();
        var id = run.Info.RunId;
        var source = TempFolder.Create("art");
        Directory.CreateDirectory(Path.Combine(source, "model", "sub"));
        await File.WriteAllTextAsync(Path.Combine(source, "model", "weights.bin"), "W");
        await File.WriteAllTextAsync(Path.Combine(source, "model", "sub", "meta.json"), "{}");
        await File.WriteAllTextAsync(Path.Combine(source, "report.txt"), "hello");

        Assert.Equal(2, await Workspace.UploadArtifactsAsync(id, Path.Combine(source, "model"), "model"));
        Assert.Equal(1, await Workspace.UploadArtifactsAsync(id, Path.Combine(source, "report.txt")));

        var top = await Workspace.ListArtifactsAsync(id);
        Assert.Equal(["model", "report.txt"], top.Select(e => e.Path));
        Assert.True(top[0].IsDirectory);
        Assert.Equal(5, top[1].Size);
        var nested = await Workspace.ListArtifactsAsync(id, "model");
        Assert.Equal(["model/sub", "model/weights.bin"], nested.Select(e => e.Path));

        var target = TempFolder.Create("dl");
        var files = await Workspace.DownloadArtifactsAsync(id, "model", target);
        Assert.Equal(2, files.Count);
        Assert.Equal("{}", await File.ReadAllTextAsync(Path.Combine(target, "sub", "meta.json")));
        var single = await Workspace.DownloadArtifactsAsync(id, "report.txt", target);
        Assert.Equal("hello", await File.ReadAllTextAsync(Assert.Single(single)));
        TempFolder.Delete(source);
        TempFolder.Delete(target);
    }

    [Fact]
    public async Task Artifact_paths_may_not_escape_the_run()
    {
        var run = await NewRunAsync();
        await Fails(ErrorCode.InvalidParameterValue, () => Workspace.LogArtifactAsync(run.Info.RunId, "../../evil.txt", new MemoryStream([1])));
        await Fails(ErrorCode.ResourceDoesNotExist, () => Workspace.OpenArtifactAsync(run.Info.RunId, "missing.txt"));
    }

    [Fact]
    public async Task Captured_output_is_appended_to_the_run_logs()
    {
        var run = await NewRunAsync();
        await Workspace.AppendRunLogAsync(run.Info.RunId, "stdout", "line 1\n");
        await Workspace.AppendRunLogAsync(run.Info.RunId, "stdout", "line 2\n");
        await Fails(ErrorCode.InvalidParameterValue, () => Workspace.AppendRunLogAsync(run.Info.RunId, "stdlog", "x"));

        await using var stream = await Workspace.OpenArtifactAsync(run.Info.RunId, "logs/stdout.log");
        Assert.Equal("line 1\nline 2\n", await new StreamReader(stream).ReadToEndAsync());
    }

    // ---- deletion and garbage collection ----

    [Fact]
    public async Task Gc_removes_deleted_runs_and_their_artifacts_for_good()
    {
        var keep = await NewRunAsync();
        var drop = await NewRunAsync();
        await Workspace.LogArtifactAsync(drop.Info.RunId, "big.bin", new MemoryStream(new byte[1000]));
        await Workspace.LogBatchAsync(drop.Info.RunId, new LogBatch(Metrics: [new Metric("m", 1, 1)]));
        await Workspace.DeleteRunAsync(drop.Info.RunId);

        var gc = await Workspace.CollectGarbageAsync();

        Assert.Equal([drop.Info.RunId], gc.RemovedRunIds);
        Assert.Equal(1000, gc.RemovedArtifactBytes);
        await Fails(ErrorCode.ResourceDoesNotExist, () => Workspace.GetRunAsync(drop.Info.RunId));
        await Workspace.GetRunAsync(keep.Info.RunId);
    }

    [Fact]
    public async Task Gc_of_a_run_that_is_not_deleted_is_refused_and_removes_nothing()
    {
        var live = await NewRunAsync();
        var dead = await NewRunAsync();
        await Workspace.DeleteRunAsync(dead.Info.RunId);

        await Fails(ErrorCode.InvalidState, () => Workspace.CollectGarbageAsync(null, [dead.Info.RunId, live.Info.RunId]));

        Assert.Equal(LifecycleStage.Deleted, (await Workspace.GetRunAsync(dead.Info.RunId)).Info.LifecycleStage);
    }

    [Fact]
    public async Task Gc_honours_the_minimum_age()
    {
        var run = await NewRunAsync();
        await Workspace.DeleteRunAsync(run.Info.RunId);

        var gc = await Workspace.CollectGarbageAsync(TimeSpan.FromDays(1));

        Assert.Empty(gc.RemovedRunIds);
        await Workspace.GetRunAsync(run.Info.RunId);
    }

    // ---- search ----

    private async Task<List<Run>> SeedSearchRunsAsync()
    {
        var runs = new List<Run>();
        var rows = new (string Model, double Rmse, string Stage, double? Mae)[]
        {
            ("ets", 5, "Prod", 1), ("ets", 12, "dev", 2), ("arima", 3, "dev", null), ("theta", 8, "PROD", 4), ("ets", 7, "dev", 5),
        };
        foreach (var (model, rmse, stage, mae) in rows)
        {
            var run = await NewRunAsync("search", $"{model}-{rmse}");
            var metrics = new List<Metric> { new("rmse", rmse, 1) };
            if (mae is { } m)
            {
                metrics.Add(new Metric("mae", m, 1));
            }

            await Workspace.LogBatchAsync(run.Info.RunId, new LogBatch(metrics, new Dictionary<string, string> { ["model"] = model }, new Dictionary<string, string> { ["stage"] = stage }));
            runs.Add(run);
        }

        return runs;
    }

    private async Task<List<string>> SearchNamesAsync(string? filter, params string[] orderBy)
    {
        var page = await Workspace.SearchRunsAsync(new RunSearchQuery(["search"], filter, orderBy));
        return page.Runs.Select(r => r.Info.RunName).ToList();
    }

    [Fact]
    public async Task Search_filters_on_metrics_and_params_and_orders_by_a_metric()
    {
        await SeedSearchRunsAsync();

        var names = await SearchNamesAsync("metrics.rmse < 10 AND params.model = 'ets'", "metrics.rmse ASC");

        Assert.Equal(["ets-5", "ets-7"], names);
    }

    [Fact]
    public async Task Search_supports_every_comparison_on_metrics()
    {
        await SeedSearchRunsAsync();
        Assert.Equal(["arima-3", "ets-5"], await SearchNamesAsync("metrics.rmse <= 5", "metrics.rmse"));
        Assert.Equal(["ets-12"], await SearchNamesAsync("metrics.rmse > 8"));
        Assert.Equal(["theta-8", "ets-12"], await SearchNamesAsync("metrics.rmse >= 8", "metrics.rmse"));
        Assert.Equal(["theta-8"], await SearchNamesAsync("metrics.rmse = 8"));
        Assert.Equal(4, (await SearchNamesAsync("metrics.rmse != 8")).Count);
    }

    [Fact]
    public async Task Search_LIKE_is_case_sensitive_and_ILIKE_is_not()
    {
        await SeedSearchRunsAsync();
        Assert.Equal(["ets-5"], await SearchNamesAsync("tags.stage LIKE 'Pro%'"));
        Assert.Equal(["ets-5", "theta-8"], await SearchNamesAsync("tags.stage ILIKE 'pro%'", "metrics.rmse"));
        Assert.Equal(["arima-3", "theta-8"], await SearchNamesAsync("params.model != 'ets'", "metrics.rmse"));
        Assert.Equal(["ets-5", "ets-7", "ets-12"], await SearchNamesAsync("params.model LIKE 'e_s'", "metrics.rmse"));
    }

    [Fact]
    public async Task Search_filters_on_attributes_and_run_id_lists()
    {
        var runs = await SeedSearchRunsAsync();
        await Workspace.UpdateRunAsync(runs[0].Info.RunId, new RunUpdate(RunStatus.Finished));

        Assert.Equal(["ets-5"], await SearchNamesAsync("attributes.status = 'FINISHED'"));
        Assert.Equal(["theta-8"], await SearchNamesAsync("attributes.run_name = 'theta-8'"));
        Assert.Equal(["arima-3", "ets-12"], await SearchNamesAsync($"attributes.run_id IN ('{runs[1].Info.RunId}', '{runs[2].Info.RunId}')", "metrics.rmse"));
        Assert.Equal(3, (await SearchNamesAsync($"attributes.run_id NOT IN ('{runs[1].Info.RunId}', '{runs[2].Info.RunId}')")).Count);
        Assert.Equal(5, (await SearchNamesAsync("attributes.start_time > 0")).Count);
    }

    [Fact]
    public async Task Search_orders_by_several_keys_with_missing_values_last()
    {
        await SeedSearchRunsAsync();

        Assert.Equal(["ets-7", "theta-8", "ets-12", "ets-5", "arima-3"], await SearchNamesAsync(null, "metrics.mae DESC"));
        Assert.Equal(["theta-8", "ets-5", "ets-7", "ets-12", "arima-3"], await SearchNamesAsync(null, "params.model DESC", "metrics.rmse ASC"));
    }

    [Fact]
    public async Task Search_pages_with_opaque_tokens_and_rejects_foreign_ones()
    {
        await SeedSearchRunsAsync();
        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await Workspace.SearchRunsAsync(new RunSearchQuery(["search"], null, ["metrics.rmse"], MaxResults: 2, PageToken: token));
            seen.AddRange(page.Runs.Select(r => r.Info.RunName));
            token = page.NextPageToken;
            pages++;
        }
        while (token is not null);

        Assert.Equal(3, pages);
        Assert.Equal(["arima-3", "ets-5", "ets-7", "theta-8", "ets-12"], seen);

        var first = await Workspace.SearchRunsAsync(new RunSearchQuery(["search"], null, ["metrics.rmse"], MaxResults: 2));
        await Fails(ErrorCode.InvalidParameterValue, () => Workspace.SearchRunsAsync(new RunSearchQuery(["search"], "metrics.rmse > 0", ["metrics.rmse"], MaxResults: 2, PageToken: first.NextPageToken)));
        await Fails(ErrorCode.InvalidParameterValue, () => Workspace.SearchRunsAsync(new RunSearchQuery(["search"], PageToken: "bm90LWEtdG9rZW4")));
    }

    [Fact]
    public async Task Search_rejects_a_bad_filter_and_bad_page_sizes_with_the_position()
    {
        await SeedSearchRunsAsync();
        var ex = await Fails(ErrorCode.InvalidParameterValue, () => Workspace.SearchRunsAsync(new RunSearchQuery(["search"], "metrics.rmse <")));
        Assert.Contains("position", ex.Message);
        await Fails(ErrorCode.InvalidParameterValue, () => Workspace.SearchRunsAsync(new RunSearchQuery(["search"], "metrics.rmse < 1 OR params.a = 'b'")));
        await Fails(ErrorCode.InvalidParameterValue, () => Workspace.SearchRunsAsync(new RunSearchQuery(["search"], MaxResults: 0)));
        await Fails(ErrorCode.InvalidParameterValue, () => Workspace.SearchRunsAsync(new RunSearchQuery(["search"], MaxResults: 50_001)));
    }

    [Fact]
    public async Task Search_spans_several_experiments_and_hides_deleted_runs_unless_asked()
    {
        var runs = await SeedSearchRunsAsync();
        var other = await NewRunAsync("search-2", "other");
        await Workspace.DeleteRunAsync(runs[0].Info.RunId);

        var all = await Workspace.SearchRunsAsync(new RunSearchQuery(["search", "search-2"]));
        var deleted = await Workspace.SearchRunsAsync(new RunSearchQuery(["search"], ViewType: ViewType.DeletedOnly));

        Assert.Equal(5, all.Runs.Count);
        Assert.Contains(all.Runs, r => r.Info.RunId == other.Info.RunId);
        Assert.Equal(runs[0].Info.RunId, Assert.Single(deleted.Runs).Info.RunId);
    }

    // ---- SDK ----

    [Fact]
    public async Task The_SDK_run_buffers_metrics_and_finishes_on_dispose()
    {
        string runId;
        await using (var run = await Workspace.StartRunAsync("sdk", "sdk-run"))
        {
            runId = run.RunId;
            await run.LogParamAsync("model", "naive");
            for (var i = 0; i < 2500; i++)
            {
                await run.LogMetricAsync("loss", 1.0 / (i + 1), step: i);
            }

            await run.SetTagAsync("phase", "test");
            await run.LogTextAsync("notes/readme.txt", "hi");
            await using var child = await run.StartChildRunAsync("child");
            Assert.Equal(run.RunId, child.Info.ParentRunId);
        }

        var stored = await Workspace.GetRunAsync(runId);
        Assert.Equal(RunStatus.Finished, stored.Info.Status);
        Assert.Equal(2500, (await Workspace.GetMetricHistoryAsync(runId, "loss")).Count);
        Assert.Equal(1.0 / 2500, stored.Data.Metric("loss"));
        Assert.Equal("naive", stored.Data.Params["model"]);
        Assert.Equal("test", stored.Data.Tags["phase"]);
    }

    [Fact]
    public async Task The_SDK_run_can_end_as_failed()
    {
        await using var run = await Workspace.StartRunAsync("sdk");
        await run.LogMetricAsync("x", 1);
        await run.EndAsync(RunStatus.Failed);

        var stored = await Workspace.GetRunAsync(run.RunId);
        Assert.Equal(RunStatus.Failed, stored.Info.Status);
        Assert.Equal(1, stored.Data.Metric("x"));
    }
}
