namespace Npa.Trainer.Tests.Training;

/// <summary>Finds files of the repository (configs/train presets) from the test's output folder.</summary>
internal static class RepoPaths
{
    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "NpaMonitor.sln"))) return dir.FullName;
            throw new DirectoryNotFoundException($"no NpaMonitor.sln above {AppContext.BaseDirectory}");
        }
    }

    public static string Config(string name) => Path.Combine(Root, "configs", "train", name);
}
