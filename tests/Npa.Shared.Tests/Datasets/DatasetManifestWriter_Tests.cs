using Npa.Shared.Datasets;
using Npa.Shared.Tests.TestSupport;

namespace Npa.Shared.Tests.Datasets;

public sealed class DatasetManifestWriter_Tests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Written_Manifest_Reads_Back_Equal()
    {
        _dir.Touch("set/img/a.png", "set/img/b, quoted \"name\".png", "outside/c.png");
        var entries = new[]
        {
            new DatasetEntry(_dir.File("set/img/a.png"), 5)
            {
                CleanLabel = 6, Subject = "S01", Split = DatasetSplit.Test, Occluded = true,
                Extra = new Dictionary<string, string> { ["pose"] = "left", ["yaw"] = "-30.5" },
            },
            new DatasetEntry(_dir.File("set/img/b, quoted \"name\".png"), 0) { Extra = new Dictionary<string, string> { ["roll"] = "2" } },
            new DatasetEntry(_dir.File("outside/c.png"), 7) { Split = DatasetSplit.Validation, Occluded = false },
        };
        string csv = _dir.File("set/manifest.csv");

        DatasetManifestWriter.Write(csv, entries);

        Assert.Equal(entries, DatasetManifestReader.Read(csv));
        var lines = File.ReadAllLines(csv);
        Assert.Equal("path,label,clean_label,subject,split,occluded,pose,yaw,roll", lines[0]);
        Assert.Equal("img/a.png,5,6,S01,test,1,left,-30.5,", lines[1]);
        Assert.StartsWith(_dir.File("outside/c.png") + ",7", lines[3], StringComparison.Ordinal);
    }

    [Fact]
    public void Extra_Column_Order_Survives_A_Round_Trip()
    {
        string csv = _dir.Write("m.csv", "path,label,yaw,pose,roll\na.png,1,3,front,-2\n");
        var options = new DatasetManifestOptions { CheckFilesExist = false };
        var first = DatasetManifestReader.Read(csv, options);
        string copy = _dir.File("copy.csv");
        DatasetManifestWriter.Write(copy, first);
        Assert.Equal("path,label,yaw,pose,roll", File.ReadAllLines(copy)[0]);
        Assert.Equal(first, DatasetManifestReader.Read(copy, options));
    }

    [Fact]
    public void Only_Used_Optional_Columns_Are_Written()
    {
        string csv = _dir.File("m.csv");
        DatasetManifestWriter.Write(csv, [new DatasetEntry("a.png", 2)]);
        Assert.Equal(["path,label", "a.png,2"], File.ReadAllLines(csv));
    }

    [Fact]
    public void Write_Replaces_Existing_File_And_Leaves_No_Temporary_Files()
    {
        string csv = _dir.Write("m.csv", "old content\n");
        DatasetManifestWriter.Write(csv, [new DatasetEntry("a.png", 2)]);
        Assert.Equal(["m.csv"], Directory.GetFiles(_dir.Path).Select(Path.GetFileName));
        Assert.StartsWith("path,label", File.ReadAllText(csv), StringComparison.Ordinal);
    }

    [Fact]
    public void Failed_Write_Keeps_The_Old_File()
    {
        string csv = _dir.Write("m.csv", "old content\n");
        var bad = new DatasetEntry("a.png", 1) { Extra = new Dictionary<string, string> { ["label"] = "x" } };
        var ex = Assert.Throws<ArgumentException>(() => DatasetManifestWriter.Write(csv, [bad]));
        Assert.Contains("extra column 'label' clashes with a known column", ex.Message, StringComparison.Ordinal);
        Assert.Equal("old content\n", File.ReadAllText(csv));
        Assert.Single(Directory.GetFiles(_dir.Path));
    }

    [Fact]
    public void Duplicate_Paths_Are_Refused()
    {
        var ex = Assert.Throws<ArgumentException>(() => DatasetManifestWriter.Write(_dir.File("m.csv"),
            [new DatasetEntry("a.png", 1), new DatasetEntry(_dir.File("a.png"), 2)]));
        Assert.Contains($"entry 1 repeats path '{_dir.File("a.png")}'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Negative_Label_Is_Refused()
    {
        var ex = Assert.Throws<ArgumentException>(() => DatasetManifestWriter.Write(_dir.File("m.csv"), [new DatasetEntry("a.png", -1)]));
        Assert.Contains("entry 0 ('a.png') has a negative label", ex.Message, StringComparison.Ordinal);
    }
}
