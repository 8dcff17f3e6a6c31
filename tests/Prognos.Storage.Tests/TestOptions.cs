using Prognos.Storage.Workspaces;

namespace Prognos.Storage.Tests;

internal static class TestOptions
{
    public static readonly LocalWorkspaceOptions Default = new()
    {
        SystemTags = new Dictionary<string, string>
        {
            [RunSourceTags.User] = "tester",
            [RunSourceTags.Machine] = "test-machine",
        },
    };
}
