using System.CommandLine;

namespace Prognos.Cli;

/// <summary>Options every command takes.</summary>
internal static class GlobalOptions
{
    public static readonly Option<string?> Workspace = new("--workspace", "-w")
    {
        Description = "Workspace folder (default: $PROGNOS_WORKSPACE, else the nearest prognos.yaml upwards)",
        Recursive = true,
    };

    public static readonly Option<bool> Json = new("--json")
    {
        Description = "Print stable JSON instead of tables (see docs/cli.md for the shapes)",
        Recursive = true,
    };
}
