namespace Npa.Shared.Tests.TestSupport;

/// <summary>The repository root: the nearest folder above the test binaries that holds NpaMonitor.sln.</summary>
public static class RepoRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "NpaMonitor.sln"))) return dir.FullName;
        throw new InvalidOperationException($"no NpaMonitor.sln above {AppContext.BaseDirectory}");
    }
}
