using System.Globalization;
using Prognos.Data.Prep;
using Xunit;

namespace Prognos.Data.Tests.Prep;

/// <summary>A temporary folder holding a recipe's files; runs recipes in it and reads their outputs back.</summary>
internal sealed class PrepFolder : IDisposable
{
    public PrepFolder() => Root = Directory.CreateTempSubdirectory("prognos-prep-test-").FullName;

    public string Root { get; }

    public string PathOf(string relative) => Path.Combine(Root, relative);

    public string Write(string relative, string text)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.ReplaceLineEndings("\n"));
        return path;
    }

    public RecipeContext Context => new(Root) { TempDirectory = PathOf(".tmp"), Threads = 2 };

    public Task<RecipeResult> RunAsync(string yaml, RecipeContext? context = null) =>
        RecipeRunner.RunAsync(RecipeParser.Parse(yaml.ReplaceLineEndings("\n"), "test.yaml"), context ?? Context, null, TestContext.Current.CancellationToken);

    /// <summary>Runs a recipe whose only output is out.parquet and returns its rows.</summary>
    public async Task<List<Dictionary<string, object?>>> RunToRowsAsync(string inputs, string steps)
    {
        await RunAsync($"""
            name: t
            inputs:
            {Indent(inputs)}
            steps:
            {Indent(steps)}
            outputs:
              - parquet: out.parquet
            """);
        return await ReadAsync("out.parquet");
    }

    public async Task<List<Dictionary<string, object?>>> ReadAsync(string relative)
    {
        using var rel = DuckDbRelation.OpenParquet(PathOf(relative));
        var names = (await rel.ReadSchemaAsync(TestContext.Current.CancellationToken)).Select(c => c.Name).ToList();
        var rows = new List<Dictionary<string, object?>>();
        await foreach (var r in rel.ReadRowsAsync(TestContext.Current.CancellationToken))
        {
            rows.Add(names.Select((n, i) => (n, v: r[i])).ToDictionary(x => x.n, x => x.v));
        }
        return rows;
    }

    public static double? D(object? v) => v is null ? null : Convert.ToDouble(v, CultureInfo.InvariantCulture);

    public static string S(object? v) => v switch
    {
        null => "NULL",
        DateTime d => d.ToString(d.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => v.ToString()!,
    };

    public static string Indent(string text) =>
        string.Join("\n", text.ReplaceLineEndings("\n").Split('\n').Select(l => "  " + l));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Leave it to the OS temp cleaner.
        }
    }
}
