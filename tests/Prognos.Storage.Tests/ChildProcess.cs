using System.Diagnostics;

namespace Prognos.Storage.Tests;

/// <summary>Starts Prognos.TestProcess (built next to the tests) as a real separate process.</summary>
internal static class ChildProcess
{
    public static Process Start(params string[] arguments)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Prognos.TestProcess.dll");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        return Process.Start(info) ?? throw new InvalidOperationException("could not start the test process");
    }
}
