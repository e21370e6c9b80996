using Npa.Shared.Datasets;

namespace Npa.Trainer.Tests.Commands;

public sealed class SynthCommand_Tests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("npa-synth-cli-").FullName;

    [Fact]
    public void Synth_Writes_Images_Manifest_Summary_And_Contact_Sheet()
    {
        int code = Program.Main(["synth", "--out", _dir, "--count", "32", "--size", "48", "--seed", "3", "--distribution", "paper", "--per-subject", "4"]);
        Assert.Equal(0, code);
        var entries = DatasetManifestReader.Read(Path.Combine(_dir, "manifest.csv"));
        Assert.Equal(32, entries.Count);
        Assert.True(entries.Count(e => e.CleanLabel == 7) > entries.Count(e => e.CleanLabel == 2), "the paper's distribution has far more NIPS 7 than NIPS 2");
        Assert.Equal(8, entries.Select(e => e.Subject).Distinct().Count());
        Assert.True(File.Exists(Path.Combine(_dir, "contact-sheet.png")));
        Assert.Contains("| all |", File.ReadAllText(Path.Combine(_dir, "summary.md")), StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_Distribution_Exits_With_Code_2()
    {
        Assert.Equal(2, Program.Main(["synth", "--out", _dir, "--count", "8", "--distribution", "9:1"]));
        Assert.False(File.Exists(Path.Combine(_dir, "manifest.csv")));
    }

    [Fact]
    public void Missing_Output_Folder_Exits_With_Code_2()
    {
        Assert.Equal(2, Program.Main(["synth", "--count", "8"]));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
