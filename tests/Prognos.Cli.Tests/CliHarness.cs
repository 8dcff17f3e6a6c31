using System.Text.Json;

namespace Prognos.Cli.Tests;

/// <summary>Runs the real <c>prognos</c> command tree in-process against a temporary folder.</summary>
internal sealed class CliHarness : IDisposable
{
    public CliHarness()
    {
        Folder = Path.Combine(Path.GetTempPath(), "prognos-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    public Dictionary<string, string> Environment { get; } = [];

    public async Task<CliResult> RunAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var context = new CliContext(stdout, stderr, name => Environment.GetValueOrDefault(name), Folder, TimeProvider.System, Interactive: false);
        var code = await CliApp.RunAsync(args, context);
        return new CliResult(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs a command with --json, asserts success and returns the parsed output.</summary>
    public async Task<JsonElement> JsonAsync(params string[] args)
    {
        var result = await RunAsync([.. args, "--json"]);
        if (result.ExitCode != 0)
        {
            throw new Xunit.Sdk.XunitException($"prognos {string.Join(' ', args)} exited {result.ExitCode}: {result.Out}{result.Err}");
        }

        return JsonDocument.Parse(result.Out).RootElement.Clone();
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

internal sealed record CliResult(int ExitCode, string Out, string Err)
{
    public JsonElement Json => JsonDocument.Parse(Out).RootElement.Clone();
}
