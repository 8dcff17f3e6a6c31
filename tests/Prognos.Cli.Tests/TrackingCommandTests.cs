using System.Text.Json;
using Xunit;

namespace Prognos.Cli.Tests;

/// <summary>Every tracking command, in JSON and human form, with its exit codes.</summary>
public sealed class TrackingCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public TrackingCommandTests()
    {
        _cli.Environment["PROGNOS_WORKSPACE"] = Path.Combine(_cli.Folder, "ws");
    }

    public void Dispose() => _cli.Dispose();

    private async Task InitAsync() => await _cli.JsonAsync("init", "ws");

    private async Task<string> NewRunAsync(string experiment = "exp", string? name = null)
    {
        var args = new List<string> { "run", "create", "-e", experiment };
        if (name is not null)
        {
            args.AddRange(["--name", name]);
        }

        return (await _cli.JsonAsync([.. args])).GetProperty("info").GetProperty("run_id").GetString()!;
    }

    [Fact]
    public async Task Init_creates_a_workspace_and_refuses_to_do_it_twice()
    {
        var json = await _cli.JsonAsync("init", "ws");
        Assert.EndsWith("ws", json.GetProperty("workspace").GetString());
        Assert.StartsWith("sqlite:", json.GetProperty("store").GetString());
        Assert.True(File.Exists(Path.Combine(_cli.Folder, "ws", "prognos.yaml")));

        var again = await _cli.RunAsync("init", "ws");
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("RESOURCE_ALREADY_EXISTS", again.Err);
    }

    [Fact]
    public async Task Commands_without_a_workspace_say_how_to_make_one()
    {
        _cli.Environment.Clear();
        var result = await _cli.RunAsync("experiment", "list");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("prognos init", result.Err);

        var json = await _cli.RunAsync("experiment", "list", "--json");
        Assert.Equal("RESOURCE_DOES_NOT_EXIST", json.Json.GetProperty("error_code").GetString());
    }

    [Fact]
    public async Task The_workspace_option_beats_the_environment()
    {
        await InitAsync();
        await _cli.JsonAsync("init", "other");
        await _cli.JsonAsync("experiment", "create", "only-in-other", "--workspace", Path.Combine(_cli.Folder, "other"));

        var inEnv = await _cli.JsonAsync("experiment", "list");
        var inOther = await _cli.JsonAsync("experiment", "list", "-w", Path.Combine(_cli.Folder, "other"));

        Assert.DoesNotContain(inEnv.GetProperty("experiments").EnumerateArray(), e => e.GetProperty("name").GetString() == "only-in-other");
        Assert.Contains(inOther.GetProperty("experiments").EnumerateArray(), e => e.GetProperty("name").GetString() == "only-in-other");
    }

    [Fact]
    public async Task Experiment_commands_work_in_json_and_as_tables()
    {
        await InitAsync();
        var created = await _cli.JsonAsync("experiment", "create", "air", "--tag", "team=fc");
        Assert.Equal("air", created.GetProperty("name").GetString());
        Assert.Equal("fc", created.GetProperty("tags").GetProperty("team").GetString());
        var id = created.GetProperty("experiment_id").GetString()!;

        Assert.Equal(id, (await _cli.JsonAsync("experiment", "show", "air")).GetProperty("experiment_id").GetString());
        Assert.Equal("air2", (await _cli.JsonAsync("experiment", "rename", "air", "air2")).GetProperty("name").GetString());
        Assert.Equal("ops", (await _cli.JsonAsync("experiment", "tag", "air2", "owner", "ops")).GetProperty("tags").GetProperty("owner").GetString());
        Assert.Equal("deleted", (await _cli.JsonAsync("experiment", "delete", id)).GetProperty("lifecycle_stage").GetString());
        Assert.Single((await _cli.JsonAsync("experiment", "list", "--deleted")).GetProperty("experiments").EnumerateArray());
        Assert.Equal("active", (await _cli.JsonAsync("experiment", "restore", id)).GetProperty("lifecycle_stage").GetString());

        var table = await _cli.RunAsync("experiment", "list");
        Assert.Equal(0, table.ExitCode);
        Assert.Contains("air2", table.Out);
        Assert.Contains("Default", table.Out);
        Assert.Contains("team=fc", table.Out);
        var show = await _cli.RunAsync("experiment", "show", "air2");
        Assert.Contains("tag owner", show.Out);
    }

    [Fact]
    public async Task Duplicate_and_unknown_experiments_are_user_errors()
    {
        await InitAsync();
        await _cli.JsonAsync("experiment", "create", "dup");

        var dup = await _cli.RunAsync("experiment", "create", "dup", "--json");
        var unknown = await _cli.RunAsync("experiment", "show", "nope");
        var badTag = await _cli.RunAsync("experiment", "create", "x", "--tag", "novalue");

        Assert.Equal(1, dup.ExitCode);
        Assert.Equal("RESOURCE_ALREADY_EXISTS", dup.Json.GetProperty("error_code").GetString());
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("RESOURCE_DOES_NOT_EXIST", unknown.Err);
        Assert.Equal(1, badTag.ExitCode);
        Assert.Contains("KEY=VALUE", badTag.Err);
    }

    [Fact]
    public async Task A_run_is_created_logged_to_shown_and_ended()
    {
        await InitAsync();
        var runId = await NewRunAsync("exp", "r1");

        await _cli.JsonAsync("run", "log-param", runId, "model", "ets");
        await _cli.JsonAsync("run", "log-metric", runId, "rmse", "12.5", "--step", "1");
        await _cli.JsonAsync("run", "log-metric", runId, "rmse", "NaN", "--step", "2");
        await _cli.JsonAsync("run", "set-tag", runId, "stage", "dev");
        var shown = await _cli.JsonAsync("run", "show", runId);
        var ended = await _cli.JsonAsync("run", "end", runId, "--status", "failed");

        Assert.Equal("ets", shown.GetProperty("data").GetProperty("params").GetProperty("model").GetString());
        Assert.Equal("dev", shown.GetProperty("data").GetProperty("tags").GetProperty("stage").GetString());
        var metric = Assert.Single(shown.GetProperty("data").GetProperty("metrics").EnumerateArray());
        Assert.Equal("NaN", metric.GetProperty("value").GetString());
        Assert.Equal("FAILED", ended.GetProperty("status").GetString());
        Assert.True(ended.GetProperty("end_time").GetInt64() > 0);

        var history = await _cli.JsonAsync("metric", "history", runId, "rmse");
        Assert.Equal(2, history.GetProperty("metrics").GetArrayLength());
        Assert.Equal(12.5, history.GetProperty("metrics")[0].GetProperty("value").GetDouble());
        var table = await _cli.RunAsync("metric", "history", runId, "rmse");
        Assert.Contains("12.5", table.Out);
        var human = await _cli.RunAsync("run", "show", runId);
        Assert.Contains("model", human.Out);
        Assert.Contains("FAILED", human.Out);
    }

    [Fact]
    public async Task Re_logging_a_param_with_another_value_fails_and_keeps_the_first()
    {
        await InitAsync();
        var runId = await NewRunAsync();
        await _cli.JsonAsync("run", "log-param", runId, "alpha", "0.1");

        var again = await _cli.RunAsync("run", "log-param", runId, "alpha", "0.2");

        Assert.Equal(1, again.ExitCode);
        Assert.Contains("INVALID_PARAMETER_VALUE", again.Err);
        Assert.Contains("immutable", again.Err);
        var shown = await _cli.JsonAsync("run", "show", runId);
        Assert.Equal("0.1", shown.GetProperty("data").GetProperty("params").GetProperty("alpha").GetString());
    }

    [Fact]
    public async Task Bad_values_and_unknown_runs_are_user_errors_with_a_fix()
    {
        await InitAsync();
        var runId = await NewRunAsync();

        var notNumber = await _cli.RunAsync("run", "log-metric", runId, "rmse", "abc");
        var unknownRun = await _cli.RunAsync("run", "show", new string('f', 32), "--json");
        var badStatus = await _cli.RunAsync("run", "end", runId, "--status", "DONE");
        var longKey = await _cli.RunAsync("run", "set-tag", runId, new string('k', 300), "v");

        Assert.Equal(1, notNumber.ExitCode);
        Assert.Contains("not a number", notNumber.Err);
        Assert.Equal(1, unknownRun.ExitCode);
        Assert.Equal("RESOURCE_DOES_NOT_EXIST", unknownRun.Json.GetProperty("error_code").GetString());
        Assert.Equal(1, badStatus.ExitCode);
        Assert.Equal(1, longKey.ExitCode);
        Assert.Contains("250", longKey.Err);
    }

    [Fact]
    public async Task Runs_are_listed_searched_and_compared()
    {
        await InitAsync();
        var ids = new List<string>();
        foreach (var (model, rmse) in new[] { ("ets", "5"), ("ets", "12"), ("arima", "3") })
        {
            var id = await NewRunAsync("search", $"{model}-{rmse}");
            await _cli.JsonAsync("run", "log-param", id, "model", model);
            await _cli.JsonAsync("run", "log-metric", id, "rmse", rmse);
            ids.Add(id);
        }

        var listed = await _cli.JsonAsync("run", "list", "-e", "search");
        var found = await _cli.JsonAsync("run", "search", "-e", "search", "-f", "metrics.rmse < 10 AND params.model = 'ets'", "--order-by", "metrics.rmse ASC");
        var paged = await _cli.JsonAsync("run", "search", "-e", "search", "--order-by", "metrics.rmse", "--max-results", "2");
        var next = await _cli.JsonAsync("run", "search", "-e", "search", "--order-by", "metrics.rmse", "--max-results", "2", "--page-token", paged.GetProperty("next_page_token").GetString()!);
        var compared = await _cli.JsonAsync("run", "compare", ids[0], ids[2]);

        Assert.Equal(3, listed.GetProperty("runs").GetArrayLength());
        Assert.Equal("ets-5", Assert.Single(found.GetProperty("runs").EnumerateArray()).GetProperty("info").GetProperty("run_name").GetString());
        Assert.Equal(2, paged.GetProperty("runs").GetArrayLength());
        Assert.Equal("ets-12", Assert.Single(next.GetProperty("runs").EnumerateArray()).GetProperty("info").GetProperty("run_name").GetString());
        Assert.Equal(JsonValueKind.Null, next.GetProperty("next_page_token").ValueKind);
        Assert.Equal(2, compared.GetProperty("runs").GetArrayLength());

        var table = await _cli.RunAsync("run", "compare", ids[0], ids[2]);
        Assert.Contains("params.model", table.Out);
        Assert.Contains("metrics.rmse", table.Out);
        var searchTable = await _cli.RunAsync("run", "search", "-e", "search", "--max-results", "1");
        Assert.Contains("--page-token", searchTable.Out);
    }

    [Fact]
    public async Task A_malformed_filter_names_the_position()
    {
        await InitAsync();
        await NewRunAsync("search");

        var bad = await _cli.RunAsync("run", "search", "-e", "search", "-f", "metrics.rmse <<< 3", "--json");
        var token = await _cli.RunAsync("run", "search", "-e", "search", "--page-token", "garbage");

        Assert.Equal(1, bad.ExitCode);
        Assert.Equal("INVALID_PARAMETER_VALUE", bad.Json.GetProperty("error_code").GetString());
        Assert.Contains("position", bad.Json.GetProperty("message").GetString());
        Assert.Equal(1, token.ExitCode);
        Assert.Contains("page_token", token.Err);
    }

    [Fact]
    public async Task Runs_are_deleted_restored_and_garbage_collected()
    {
        await InitAsync();
        var keep = await NewRunAsync();
        var drop = await NewRunAsync();

        Assert.Equal("deleted", (await _cli.JsonAsync("run", "delete", drop)).GetProperty("lifecycle_stage").GetString());
        Assert.Equal("active", (await _cli.JsonAsync("run", "restore", drop)).GetProperty("lifecycle_stage").GetString());
        await _cli.JsonAsync("run", "delete", drop);
        var refused = await _cli.RunAsync("run", "gc", "--run-id", keep);
        var gc = await _cli.JsonAsync("run", "gc", "--older-than", "0");
        var badAge = await _cli.RunAsync("run", "gc", "--older-than", "soon");

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("INVALID_STATE", refused.Err);
        Assert.Equal(drop, Assert.Single(gc.GetProperty("removed_run_ids").EnumerateArray()).GetString());
        Assert.Equal(1, (await _cli.RunAsync("run", "show", drop)).ExitCode);
        Assert.Equal(0, (await _cli.RunAsync("run", "show", keep)).ExitCode);
        Assert.Equal(1, badAge.ExitCode);
        Assert.Contains("duration", badAge.Err);
    }

    [Fact]
    public async Task Artifacts_are_uploaded_listed_and_downloaded()
    {
        await InitAsync();
        var runId = await NewRunAsync();
        var source = Path.Combine(_cli.Folder, "model");
        Directory.CreateDirectory(Path.Combine(source, "sub"));
        await File.WriteAllTextAsync(Path.Combine(source, "a.txt"), "A");
        await File.WriteAllTextAsync(Path.Combine(source, "sub", "b.txt"), "BB");

        var uploaded = await _cli.JsonAsync("artifact", "upload", "--run", runId, "model", "--artifact-path", "model");
        var listed = await _cli.JsonAsync("artifact", "list", "--run", runId, "model");
        var downloaded = await _cli.JsonAsync("artifact", "download", "--run", runId, "model", "--out", "dl");
        var table = await _cli.RunAsync("artifact", "list", "--run", runId);
        var missing = await _cli.RunAsync("artifact", "upload", "--run", runId, "nope.bin");

        Assert.Equal(2, uploaded.GetProperty("uploaded_files").GetInt32());
        Assert.Equal(["model/a.txt", "model/sub"], listed.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("path").GetString()));
        Assert.Equal(2, downloaded.GetProperty("files").GetArrayLength());
        Assert.Equal("BB", await File.ReadAllTextAsync(Path.Combine(_cli.Folder, "dl", "sub", "b.txt")));
        Assert.Contains("dir", table.Out);
        Assert.Equal(1, missing.ExitCode);
    }

    [Fact]
    public async Task Exec_captures_output_and_sets_the_status_from_the_exit_code()
    {
        await InitAsync();

        var ok = (await _cli.RunAsync("run", "exec", "-e", "jobs", "--name", "hello", "--json", "--", "sh", "-c", "echo out-line; echo err-line >&2")).Json;
        var failed = await _cli.RunAsync("run", "exec", "-e", "jobs", "--", "sh", "-c", "exit 3");
        var runId = ok.GetProperty("run").GetProperty("run_id").GetString()!;
        var stdout = await _cli.JsonAsync("run", "logs", runId);
        var stderr = await _cli.JsonAsync("run", "logs", runId, "--stream", "stderr");

        Assert.Equal("FINISHED", ok.GetProperty("run").GetProperty("status").GetString());
        Assert.Equal("out-line\n", stdout.GetProperty("text").GetString());
        Assert.Equal("err-line\n", stderr.GetProperty("text").GetString());
        Assert.Equal(1, failed.ExitCode);
        Assert.Contains("FAILED", failed.Out);
        Assert.Contains("exit code 3", failed.Out);
    }

    [Fact]
    public async Task Unknown_commands_and_missing_arguments_exit_non_zero()
    {
        Assert.NotEqual(0, (await _cli.RunAsync("experiment", "frobnicate")).ExitCode);
        Assert.NotEqual(0, (await _cli.RunAsync("run", "log-param")).ExitCode);
    }
}
