using System.Text.Json.Nodes;

namespace Npa.Monitor.Tests.Inference;

/// <summary>
/// The tiny two-branch package in Fixtures/tiny-pair, exported by the Trainer's ONNX writer, and what TorchSharp says
/// about its inputs (expected.json). Trainer test MonitorFixture_Tests keeps both true.
/// </summary>
internal static class FixturePackage
{
    public const int Size = 32;

    public static string Folder
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "tests", "Npa.Monitor.Tests", "Inference", "Fixtures", "tiny-pair");
                if (Directory.Exists(candidate)) return candidate;
            }
            throw new InvalidOperationException($"Fixtures/tiny-pair not found above {AppContext.BaseDirectory}");
        }
    }

    /// <summary>The checkout's root (the folder holding NpaMonitor.sln).</summary>
    public static string RepositoryRoot => Path.GetFullPath(Path.Combine(Folder, "..", "..", "..", "..", ".."));

    /// <summary>The same formula as the Trainer's MonitorFixture.Input.</summary>
    public static float Input(int s, int i) => (float)(Math.Sin(i * 0.37 + s * 1.3) + 2.5 * (s - 1.5) * (i / (Size * Size) - 1) + Math.Cos(i * 0.011 * (s + 1)));

    public static float[] Inputs(int count, int firstSample = 0)
    {
        int per = 3 * Size * Size;
        var data = new float[count * per];
        for (int s = 0; s < count; s++)
            for (int i = 0; i < per; i++) data[s * per + i] = Input(firstSample + s, i);
        return data;
    }

    public static JsonArray Samples() => JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, "expected.json")))!["samples"]!.AsArray();

    public static float[] Floats(JsonNode sample, string key) => [.. sample[key]!.AsArray().Select(v => v!.GetValue<float>())];

    /// <summary>A private copy of the package that a test may damage.</summary>
    public static string CopyTo(string dir)
    {
        Directory.CreateDirectory(dir);
        foreach (var file in new[] { "model.onnx", "model.json" })
            File.Copy(Path.Combine(Folder, file), Path.Combine(dir, file), overwrite: true);
        return dir;
    }
}
