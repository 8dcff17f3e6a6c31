using System.Runtime.InteropServices;

namespace Prognos.Storage.Workspaces;

/// <summary>The system tags put on every run: user, machine, OS, .NET version and the git commit of the working folder.</summary>
public static class RunSourceTags
{
    public const string User = "prognos.user";
    public const string Machine = "prognos.source.machine";
    public const string OperatingSystem = "prognos.source.os";
    public const string DotNet = "prognos.source.dotnet";
    public const string GitCommit = "prognos.source.git.commit";
    public const string ParentRunId = "prognos.parentRunId";

    /// <summary>Reads the tags for a process started in <paramref name="workingFolder"/>.</summary>
    public static IReadOnlyDictionary<string, string> Detect(string workingFolder)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [User] = Environment.UserName,
            [Machine] = Environment.MachineName,
            [OperatingSystem] = RuntimeInformation.OSDescription,
            [DotNet] = RuntimeInformation.FrameworkDescription,
        };
        if (FindGitCommit(workingFolder) is { } commit)
        {
            tags[GitCommit] = commit;
        }

        return tags;
    }

    /// <summary>The commit HEAD points at, read from the .git folder (no git process), or null.</summary>
    public static string? FindGitCommit(string workingFolder)
    {
        try
        {
            for (var folder = new DirectoryInfo(Path.GetFullPath(workingFolder)); folder is not null; folder = folder.Parent)
            {
                var dotGit = Path.Combine(folder.FullName, ".git");
                if (File.Exists(dotGit))
                {
                    // A worktree or submodule: ".git" is a file that points at the real git folder.
                    var line = File.ReadAllText(dotGit).Trim();
                    if (line.StartsWith("gitdir:", StringComparison.Ordinal))
                    {
                        return ReadHead(Path.GetFullPath(Path.Combine(folder.FullName, line[7..].Trim())));
                    }
                }
                else if (Directory.Exists(dotGit))
                {
                    return ReadHead(dotGit);
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return null;
    }

    private static string? ReadHead(string gitFolder)
    {
        var headPath = Path.Combine(gitFolder, "HEAD");
        if (!File.Exists(headPath))
        {
            return null;
        }

        var head = File.ReadAllText(headPath).Trim();
        if (!head.StartsWith("ref:", StringComparison.Ordinal))
        {
            return head.Length >= 40 ? head : null;
        }

        var reference = head[4..].Trim();
        var commonFolder = File.Exists(Path.Combine(gitFolder, "commondir"))
            ? Path.GetFullPath(Path.Combine(gitFolder, File.ReadAllText(Path.Combine(gitFolder, "commondir")).Trim()))
            : gitFolder;
        foreach (var folder in new[] { gitFolder, commonFolder })
        {
            var refPath = Path.Combine(folder, reference.Replace('/', Path.DirectorySeparatorChar));
            if (File.Exists(refPath))
            {
                return File.ReadAllText(refPath).Trim();
            }
        }

        var packed = Path.Combine(commonFolder, "packed-refs");
        if (File.Exists(packed))
        {
            foreach (var line in File.ReadLines(packed))
            {
                if (line.EndsWith(" " + reference, StringComparison.Ordinal))
                {
                    return line[..line.IndexOf(' ', StringComparison.Ordinal)];
                }
            }
        }

        return null;
    }
}
