using System.Text.Json;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Prognos.Cli.Tests;

/// <summary>Datastores, datasets, prep and samples from the command line, on real files and databases.</summary>
public sealed class DataCommandTests : IDisposable
{
    private const string Secret = "Sup3r-S3cret-Pa55";
    private readonly CliHarness _cli = new();

    public DataCommandTests()
    {
        _cli.Environment["PROGNOS_WORKSPACE"] = Path.Combine(_cli.Folder, "ws");
    }

    public void Dispose() => _cli.Dispose();

    private string WriteFile(string name, string content)
    {
        var path = Path.Combine(_cli.Folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    private static string Monthly(int months, double scale = 1) =>
        "Month,Value\n" + string.Join("", Enumerable.Range(0, months).Select(i => $"{new DateTime(2020, 1, 1).AddMonths(i):yyyy-MM},{(100 + i) * scale}\n"));

    [Fact]
    public async Task A_csv_is_registered_once_per_content_with_a_profile()
    {
        await _cli.JsonAsync("init", "ws");
        WriteFile("sales.csv", Monthly(24));

        var first = await _cli.JsonAsync("dataset", "register", "sales", "--path", "sales.csv", "--time-column", "Month");
        var again = await _cli.JsonAsync("dataset", "register", "sales", "--path", "sales.csv", "--time-column", "Month");
        WriteFile("sales.csv", Monthly(25, 2));
        var second = await _cli.JsonAsync("dataset", "register", "sales", "--path", "sales.csv", "--time-column", "Month");

        Assert.True(first.GetProperty("created").GetBoolean());
        Assert.Equal("sales:1", first.GetProperty("dataset").GetProperty("reference").GetString());
        Assert.Equal(24, first.GetProperty("dataset").GetProperty("row_count").GetInt64());
        Assert.False(again.GetProperty("created").GetBoolean());
        Assert.Equal("sales:1", again.GetProperty("dataset").GetProperty("reference").GetString());
        Assert.Equal("sales:2", second.GetProperty("dataset").GetProperty("reference").GetString());

        var profile = (await _cli.JsonAsync("dataset", "profile", "sales:1")).GetProperty("profile");
        Assert.Equal(24, profile.GetProperty("row_count").GetInt64());
        var value = profile.GetProperty("columns").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "Value");
        Assert.Equal(111.5, value.GetProperty("mean").GetDouble(), 9);
        // Values 100..123: linear-interpolated quantiles as numpy and pandas compute them.
        Assert.Equal(111.5, value.GetProperty("quantiles").GetProperty("p50").GetDouble(), 9);
        Assert.Equal(105.75, value.GetProperty("quantiles").GetProperty("p25").GetDouble(), 9);
        Assert.Equal(101.15, value.GetProperty("quantiles").GetProperty("p05").GetDouble(), 9);
        Assert.Equal(24, value.GetProperty("histogram").GetProperty("counts").EnumerateArray().Sum(c => c.GetInt64()));
        Assert.Equal("1mo", profile.GetProperty("time").GetProperty("inferred_frequency").GetString());
        Assert.Equal(0, profile.GetProperty("time").GetProperty("gaps").GetInt64());
        var plot = (await _cli.JsonAsync("dataset", "profile", "sales")).GetProperty("plot").GetString()!;
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(plot)[..4]);

        var versions = await _cli.JsonAsync("dataset", "versions", "sales");
        Assert.Equal(2, versions.GetProperty("versions").GetArrayLength());
        var list = await _cli.JsonAsync("dataset", "list");
        Assert.Equal(2, list.GetProperty("datasets")[0].GetProperty("latest_version").GetInt32());
        var diff = await _cli.JsonAsync("dataset", "diff", "sales:1", "sales:2");
        Assert.Equal(25, diff.GetProperty("rows_b").GetInt64());
        Assert.Equal("changed", diff.GetProperty("columns").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "Value").GetProperty("change").GetString());
    }

    [Fact]
    public async Task Versions_are_shown_read_and_downloaded()
    {
        await _cli.JsonAsync("init", "ws");
        WriteFile("sales.csv", Monthly(12));
        await _cli.JsonAsync("dataset", "register", "sales", "--path", "sales.csv", "--time-column", "Month");

        var head = await _cli.JsonAsync("dataset", "head", "sales:1", "--rows", "2");
        var show = await _cli.JsonAsync("dataset", "show", "sales:latest");
        var download = await _cli.JsonAsync("dataset", "download", "sales:1", "--out", "copy.csv");
        var table = await _cli.RunAsync("dataset", "show", "sales:1");

        Assert.Equal(["Month", "Value"], head.GetProperty("columns").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(2, head.GetProperty("rows").GetArrayLength());
        Assert.Equal("2020-01-01 00:00:00", head.GetProperty("rows")[0][0].GetString());
        Assert.Equal("TIMESTAMP", show.GetProperty("dataset").GetProperty("columns")[0].GetProperty("type").GetString());
        var lines = File.ReadAllLines(download.GetProperty("file").GetString()!);
        Assert.Equal(13, lines.Length);
        Assert.Contains("snapshot", table.Out);
    }

    [Fact]
    public async Task Bad_csv_rows_fail_with_file_line_and_column_or_are_skipped_into_rejects()
    {
        await _cli.JsonAsync("init", "ws");
        WriteFile("bad.csv", "a,b\n1,2\n3\n4,x\n5,6\n");

        var failed = await _cli.RunAsync("dataset", "register", "bad", "--path", "bad.csv");
        var skipped = await _cli.JsonAsync("dataset", "register", "bad", "--path", "bad.csv", "--on-error", "skip");

        Assert.Equal(1, failed.ExitCode);
        Assert.Contains("bad.csv:3:", failed.Err);
        Assert.Contains("bad.csv:4:2", failed.Err);
        Assert.Contains("--on-error skip", failed.Err);
        Assert.Equal(2, skipped.GetProperty("rejected_rows").GetInt64());
        Assert.Equal(2, skipped.GetProperty("dataset").GetProperty("row_count").GetInt64());
        Assert.Equal(3, File.ReadAllLines(skipped.GetProperty("rejects_file").GetString()!).Length);
        Assert.Single((await _cli.JsonAsync("dataset", "versions", "bad")).GetProperty("versions").EnumerateArray());
    }

    [Fact]
    public async Task Bad_arguments_are_user_errors_that_store_nothing()
    {
        await _cli.JsonAsync("init", "ws");
        WriteFile("sales.csv", Monthly(6));
        WriteFile("dates.csv", "Month,Value\n2020-01,1\nsoon,2\n");

        var missingColumn = await _cli.RunAsync("dataset", "register", "sales", "--path", "sales.csv", "--time-column", "Date");
        var badDates = await _cli.RunAsync("dataset", "register", "dates", "--path", "dates.csv", "--time-column", "Month");
        var badFormat = await _cli.RunAsync("dataset", "register", "sales", "--path", "sales.csv", "--format", "xlsx");
        var badName = await _cli.RunAsync("dataset", "register", "sales data", "--path", "sales.csv");
        var noFile = await _cli.RunAsync("dataset", "register", "sales", "--path", "nope/*.csv");
        var unknown = await _cli.RunAsync("dataset", "show", "ghost:3", "--json");

        Assert.Equal(1, missingColumn.ExitCode);
        Assert.Contains("columns are: Month, Value", missingColumn.Err);
        Assert.Equal(1, badDates.ExitCode);
        Assert.Contains("soon", badDates.Err);
        Assert.Equal(1, badFormat.ExitCode);
        Assert.Equal(1, badName.ExitCode);
        Assert.Equal(1, noFile.ExitCode);
        Assert.Equal("RESOURCE_DOES_NOT_EXIST", unknown.Json.GetProperty("error_code").GetString());
        Assert.Equal(0, (await _cli.JsonAsync("dataset", "list")).GetProperty("datasets").GetArrayLength());
        Assert.False(Directory.EnumerateFiles(Path.Combine(_cli.Folder, "ws", "artifacts"), "*.parquet", SearchOption.AllDirectories).Any());
    }

    [Fact]
    public async Task A_reference_is_refused_once_its_source_changed()
    {
        await _cli.JsonAsync("init", "ws");
        var source = WriteFile("live.csv", Monthly(6));
        await _cli.JsonAsync("dataset", "register", "live", "--path", "live.csv", "--reference");

        Assert.Equal(6, (await _cli.JsonAsync("dataset", "head", "live:1", "--rows", "100")).GetProperty("rows").GetArrayLength());
        File.AppendAllText(source, "2020-07,1\n");
        var stale = await _cli.RunAsync("dataset", "head", "live:1");

        Assert.Equal(1, stale.ExitCode);
        Assert.Contains("changed since it was registered", stale.Err);
    }

    [Fact]
    public async Task Datastore_credentials_are_encrypted_and_never_shown()
    {
        await _cli.JsonAsync("init", "ws");
        var uri = $"postgresql://alice:{Secret}@127.0.0.1:5432/warehouse";

        var created = await _cli.RunAsync("datastore", "create", "wh", "--kind", "postgresql", "--target", uri, "--json");
        _cli.Environment["WH_URI"] = uri;
        var fromEnv = await _cli.RunAsync("datastore", "create", "wh2", "--kind", "postgresql", "--target-env", "WH_URI");
        var outputs = new[]
        {
            created, fromEnv,
            await _cli.RunAsync("datastore", "list"), await _cli.RunAsync("datastore", "list", "--json"),
            await _cli.RunAsync("datastore", "show", "wh"), await _cli.RunAsync("datastore", "show", "wh", "--json"),
            await _cli.RunAsync("dataset", "register", "x", "--path", "wh:missing_table"),
        };

        Assert.Equal(0, created.ExitCode);
        Assert.True(created.Json.GetProperty("has_credentials").GetBoolean());
        Assert.Equal("postgresql://alice:***@127.0.0.1:5432/warehouse", created.Json.GetProperty("location").GetString());
        foreach (var output in outputs)
        {
            Assert.DoesNotContain(Secret, output.Out + output.Err);
        }

        var workspace = Path.Combine(_cli.Folder, "ws");
        foreach (var file in Directory.EnumerateFiles(workspace, "*", SearchOption.AllDirectories))
        {
            Assert.DoesNotContain(Secret, System.Text.Encoding.UTF8.GetString(File.ReadAllBytes(file)));
        }

        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(workspace, "prognos.key")));
        }

        var duplicate = await _cli.RunAsync("datastore", "create", "wh", "--kind", "postgresql", "--target", uri);
        Assert.Equal(1, duplicate.ExitCode);
        Assert.DoesNotContain(Secret, duplicate.Err);
        Assert.Equal(0, (await _cli.RunAsync("datastore", "delete", "wh2")).ExitCode);
        Assert.Single((await _cli.JsonAsync("datastore", "list")).GetProperty("datastores").EnumerateArray());
    }

    [Fact]
    public async Task Datasets_are_registered_from_folder_and_sqlite_datastores()
    {
        await _cli.JsonAsync("init", "ws");
        WriteFile("lake/2020.csv", Monthly(3));
        var database = Path.Combine(_cli.Folder, "ops.db");
        await using (var connection = new SqliteConnection($"Data Source={database};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE readings (device TEXT, value REAL); INSERT INTO readings VALUES ('a', 1.5), ('b', 2.5), ('c, with comma', 3.5);";
            await command.ExecuteNonQueryAsync();
        }

        await _cli.JsonAsync("datastore", "create", "lake", "--kind", "folder", "--target", "lake");
        await _cli.JsonAsync("datastore", "create", "ops", "--kind", "sqlite", "--target", "ops.db");
        var fromFolder = await _cli.JsonAsync("dataset", "register", "lake-sales", "--path", "lake:*.csv");
        var fromTable = await _cli.JsonAsync("dataset", "register", "readings", "--path", "ops:readings");
        var head = await _cli.JsonAsync("dataset", "head", "readings:1");

        Assert.Equal(3, fromFolder.GetProperty("dataset").GetProperty("row_count").GetInt64());
        Assert.Equal(3, fromTable.GetProperty("dataset").GetProperty("row_count").GetInt64());
        Assert.Equal("c, with comma", head.GetProperty("rows")[2][0].GetString());
    }

    [Fact]
    public async Task A_recipe_run_is_tracked_with_lineage_and_writes_files_datasets_and_tables()
    {
        await _cli.JsonAsync("init", "ws");
        WriteFile("raw.csv", "Date,Device,Value\n2024-01-01,a,1\n2024-01-01,a,1\n2024-01-02,a,3\n2024-01-01,b,10\n2024-01-03,b,30\n");
        await _cli.JsonAsync("dataset", "register", "raw", "--path", "raw.csv");
        await _cli.JsonAsync("datastore", "create", "mart", "--kind", "sqlite", "--target", "mart.db");
        WriteFile("recipe.yaml", """
            name: clean
            inputs:
              raw: { dataset: raw:1 }
            steps:
              - dedupe: { keys: [Device, Date], keep: first }
              - regularize: { time: Date, frequency: 1d, by: Device }
              - interpolate: { method: linear, time: Date, by: Device }
            outputs:
              - parquet: out/clean.parquet
              - dataset: clean
              - table: { datastore: mart, table: clean_daily, mode: replace }
            """);

        var result = await _cli.JsonAsync("prep", "run", "recipe.yaml");

        Assert.Equal(["raw:1"], result.GetProperty("input_datasets").EnumerateArray().Select(x => x.GetString()));
        Assert.Equal(["clean:1"], result.GetProperty("registered_datasets").EnumerateArray().Select(x => x.GetString()));
        var steps = result.GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal([5L, 4L, 5L], steps.Select(s => s.GetProperty("rows_in").GetInt64()));
        Assert.Equal(5, steps[^1].GetProperty("rows_out").GetInt64());
        Assert.True(File.Exists(Path.Combine(_cli.Folder, "out", "clean.parquet")));
        var shown = await _cli.JsonAsync("dataset", "show", "clean:1");
        Assert.Equal(["raw:1"], shown.GetProperty("inputs").EnumerateArray().Select(x => x.GetString()));
        Assert.Equal(result.GetProperty("run_id").GetString(), shown.GetProperty("dataset").GetProperty("run_id").GetString());
        var run = await _cli.JsonAsync("run", "show", result.GetProperty("run_id").GetString()!);
        Assert.Equal("FINISHED", run.GetProperty("info").GetProperty("status").GetString());
        await using var mart = new SqliteConnection($"Data Source={Path.Combine(_cli.Folder, "mart.db")};Pooling=False");
        await mart.OpenAsync();
        await using var count = mart.CreateCommand();
        count.CommandText = "SELECT count(*), sum(Value) FROM clean_daily";
        await using var reader = await count.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(5, reader.GetInt64(0));
        Assert.Equal(1 + 3 + 10 + 20 + 30, reader.GetDouble(1), 9);
    }

    [Fact]
    public async Task A_failing_recipe_marks_its_run_failed_and_registers_nothing()
    {
        await _cli.JsonAsync("init", "ws");
        WriteFile("raw.csv", "Date,Value\n2024-01-01,1\n");
        WriteFile("recipe.yaml", """
            name: broken
            inputs:
              raw: { path: raw.csv }
            steps:
              - select: [Date, Valeu]
            outputs:
              - dataset: broken
            """);

        var result = await _cli.RunAsync("prep", "run", "recipe.yaml");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("recipe.yaml:5", result.Err);
        Assert.Contains("Valeu", result.Err);
        Assert.Equal(0, (await _cli.JsonAsync("dataset", "list")).GetProperty("datasets").GetArrayLength());
        var runs = await _cli.JsonAsync("run", "list", "-e", "prep");
        Assert.Equal("FAILED", runs.GetProperty("runs")[0].GetProperty("info").GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_connected_car_sample_writes_telemetry_and_notes()
    {
        var result = await _cli.JsonAsync("sample", "connected-car", "--batteries", "5", "--seed", "7", "--out", "car", "--notes", "50");

        var telemetry = File.ReadAllLines(result.GetProperty("telemetry_file").GetString()!);
        Assert.Equal("Date,Battery_ID,Battery_Age_Days,Number_Of_Trips,Daily_Trip_Duration,Daily_Cycles_Used,Lifetime_Cycles_Used,Battery_Rated_Cycles", telemetry[0]);
        Assert.Equal(result.GetProperty("rows").GetInt64(), telemetry.Length - 1);
        Assert.NotEmpty(result.GetProperty("batteries_passing_within30_days").EnumerateArray());
        Assert.NotEmpty(result.GetProperty("batteries_within_rated_cycles").EnumerateArray());
        Assert.Equal(51, File.ReadAllLines(result.GetProperty("notes_file").GetString()!).Length);
        var bad = await _cli.RunAsync("sample", "connected-car", "--until", "someday");
        Assert.Equal(1, bad.ExitCode);
    }
}
