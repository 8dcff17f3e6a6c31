using Spectre.Console;

namespace Prognos.Cli;

/// <summary>
/// What a command may touch of the outside world, bound once at the edge: output streams, the environment,
/// the current folder and the clock. Tests pass their own.
/// </summary>
internal sealed record CliContext(
    TextWriter Out,
    TextWriter Error,
    Func<string, string?> GetEnvironment,
    string CurrentFolder,
    TimeProvider Clock,
    bool Interactive)
{
    private IAnsiConsole? _console;

    /// <summary>Spectre console over <see cref="Out"/>: tables and progress, plain when not a terminal.</summary>
    public IAnsiConsole Console => _console ??= CreateConsole();

    private IAnsiConsole CreateConsole()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Out),
            Ansi = Interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = Interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = Interactive ? InteractionSupport.Yes : InteractionSupport.No,
        });
        if (!Interactive)
        {
            // Piped output is read by people in logs and by grep: do not wrap tables at 80 columns.
            console.Profile.Width = 200;
        }

        return console;
    }

    public static CliContext FromProcess() => new(
        System.Console.Out,
        System.Console.Error,
        Environment.GetEnvironmentVariable,
        Environment.CurrentDirectory,
        TimeProvider.System,
        !System.Console.IsOutputRedirected);
}
