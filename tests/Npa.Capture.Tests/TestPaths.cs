namespace Npa.Capture.Tests;

/// <summary>Locations of test inputs: copied test data, the repository root and its assets.</summary>
internal static class TestPaths
{
    public static string TestData(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", name);

    public static string RepositoryRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NpaMonitor.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"no NpaMonitor.sln above {AppContext.BaseDirectory}");
    }

    /// <summary>The BlazeFace model that `./npa setup` fetches; tests fail with the setup hint when it is missing.</summary>
    public static string BlazeFaceModel()
    {
        string path = Path.Combine(RepositoryRoot(), "assets", "blazeface", "face_detection_front_128x128_barracuda.onnx");
        return File.Exists(path) ? path : throw new FileNotFoundException($"BlazeFace model missing at {path}; run ./npa setup", path);
    }

    /// <summary>The iceberg photo ships in Debian's facedetect package (GPL-2+), so it is read in place rather than copied.</summary>
    public const string Iceberg = "/usr/share/doc/facedetect/examples/640px-IceBlockNearJoekullsarlon.jpg";
}
