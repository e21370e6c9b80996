using Npa.Shared.Datasets;
using Npa.Shared.Tests.TestSupport;

namespace Npa.Shared.Tests.Datasets;

public sealed class DatasetManifestReader_Tests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Full_Manifest_Gives_Entries_With_Resolved_Paths_And_Extras()
    {
        _dir.Touch("data/img/a.png", "data/img/b.png");
        string csv = _dir.Write("data/manifest.csv",
            "path,label,clean_label,subject,split,occluded,pose,yaw\n" +
            "img/a.png,3,4,S01,train,1,frontal,-12.5\n" +
            "img/b.png,0,,S02,VAL,no,,\n");

        var entries = DatasetManifestReader.Read(csv);

        Assert.Equal(2, entries.Count);
        var a = entries[0];
        Assert.Equal(_dir.File("data/img/a.png"), a.Path);
        Assert.Equal(3, a.Label);
        Assert.Equal(4, a.CleanLabel);
        Assert.Equal("S01", a.Subject);
        Assert.Equal(DatasetSplit.Train, a.Split);
        Assert.True(a.Occluded);
        Assert.Equal(["pose", "yaw"], a.Extra.Keys);
        Assert.Equal("-12.5", a.Extra["yaw"]);
        var b = entries[1];
        Assert.Null(b.CleanLabel);
        Assert.Equal(DatasetSplit.Validation, b.Split);
        Assert.False(b.Occluded);
        Assert.Empty(b.Extra);
    }

    [Fact]
    public void Trusted_Clean_Validation_Split_Reads_And_Writes_As_Val_Clean()
    {
        string csv = _dir.Write("m.csv", "path,label,split\na.png,2,val_clean\nb.png,1,VAL_CLEAN\n");
        var entries = DatasetManifestReader.Read(csv, new DatasetManifestOptions { CheckFilesExist = false });
        Assert.All(entries, e => Assert.Equal(DatasetSplit.ValidationClean, e.Split));
        Assert.Equal("val_clean", DatasetManifestColumns.SplitName(DatasetSplit.ValidationClean));
    }

    [Fact]
    public void Relative_Paths_Resolve_Against_Csv_Folder_Not_Current_Directory()
    {
        _dir.Touch("sub/x.png");
        string csv = _dir.Write("sub/m.csv", "path,label\nx.png,1\n");
        Assert.Equal(_dir.File("sub/x.png"), DatasetManifestReader.Read(csv)[0].Path);
    }

    [Fact]
    public void Absolute_Path_Is_Kept()
    {
        _dir.Touch("elsewhere/y.png");
        string csv = _dir.Write("m/m.csv", $"path,label\n{_dir.File("elsewhere/y.png")},7\n");
        Assert.Equal(_dir.File("elsewhere/y.png"), DatasetManifestReader.Read(csv)[0].Path);
    }

    [Fact]
    public void Missing_Image_File_Names_File_Line_And_Reason()
    {
        _dir.Touch("a.png");
        string csv = _dir.Write("m.csv", "path,label\na.png,1\nmissing.png,2\n");
        var ex = Assert.Throws<DatasetManifestException>(() => DatasetManifestReader.Read(csv));
        Assert.Equal(csv, ex.FilePath);
        Assert.Equal(3, ex.LineNumber);
        Assert.Equal($"{csv}, line 3: image file not found: {_dir.File("missing.png")}", ex.Message);
    }

    [Fact]
    public void Missing_Image_File_Is_Accepted_When_Check_Is_Off()
    {
        string csv = _dir.Write("m.csv", "path,label\nmissing.png,2\n");
        var entries = DatasetManifestReader.Read(csv, new DatasetManifestOptions { CheckFilesExist = false });
        Assert.Equal(_dir.File("missing.png"), Assert.Single(entries).Path);
    }

    [Theory]
    [InlineData("a.png,8,,,", "label 8 is out of range 0..7 (8 classes)")]
    [InlineData("a.png,-1,,,", "label -1 is out of range 0..7 (8 classes)")]
    [InlineData("a.png,three,,,", "label 'three' is not an integer")]
    [InlineData("a.png,2.5,,,", "label '2.5' is not an integer")]
    [InlineData("a.png,,,,", "missing label")]
    [InlineData(",3,,,", "empty path")]
    [InlineData("a\0b.png,3,,,", "path contains a NUL character")]
    [InlineData("a.png,3,9,,", "clean_label 9 is out of range 0..7 (8 classes)")]
    [InlineData("a.png,3,x,,", "clean_label 'x' is not an integer")]
    [InlineData("a.png,3,,training,", "unknown split 'training' (expected train, val, test or val_clean)")]
    [InlineData("a.png,3,,,maybe", "occluded 'maybe' is not a flag (expected 1/0, true/false or yes/no)")]
    [InlineData("a.png,3,,", "expected 5 fields as in the header, found 4")]
    [InlineData("a.png,3,,,,extra", "expected 5 fields as in the header, found 6")]
    public void Bad_Row_Gives_Line_And_Reason(string row, string reason)
    {
        _dir.Touch("a.png");
        string csv = _dir.Write("m.csv", "path,label,clean_label,split,occluded\n\n" + row + "\n");
        var ex = Assert.Throws<DatasetManifestException>(() => DatasetManifestReader.Read(csv));
        Assert.Equal(3, ex.LineNumber);
        Assert.Equal(reason, ex.Reason);
        Assert.Equal($"{csv}, line 3: {reason}", ex.Message);
    }

    [Fact]
    public void Class_Count_Option_Widens_Label_Range()
    {
        _dir.Touch("a.png");
        string csv = _dir.Write("m.csv", "path,label\na.png,9\n");
        Assert.Equal(9, DatasetManifestReader.Read(csv, new DatasetManifestOptions { ClassCount = 10 })[0].Label);
    }

    [Fact]
    public void Duplicate_Path_Names_Both_Lines()
    {
        _dir.Touch("a.png", "b.png");
        string csv = _dir.Write("m.csv", "path,label\na.png,1\nb.png,2\n./a.png,3\n");
        var ex = Assert.Throws<DatasetManifestException>(() => DatasetManifestReader.Read(csv));
        Assert.Equal(4, ex.LineNumber);
        Assert.Equal("duplicate path './a.png' (first on line 2)", ex.Reason);
    }

    [Theory]
    [InlineData("", "missing header (the file is empty); expected path,label[,clean_label,subject,split,occluded,...]")]
    [InlineData("a.png,3\n", "bad header: no 'path' column; expected path,label[,clean_label,subject,split,occluded,...]")]
    [InlineData("path,score\n", "bad header: no 'label' column; expected path,label[,clean_label,subject,split,occluded,...]")]
    [InlineData("path,label,label\n", "bad header: column 'label' appears twice")]
    [InlineData("path,label,,pose\n", "bad header: column 3 has no name")]
    public void Bad_Header_Is_Refused_On_Line_1(string text, string reason)
    {
        string csv = _dir.Write("m.csv", text);
        var ex = Assert.Throws<DatasetManifestException>(() => DatasetManifestReader.Read(csv));
        Assert.Equal(1, ex.LineNumber);
        Assert.Equal(reason, ex.Reason);
    }

    [Fact]
    public void Malformed_Quoting_Is_A_Manifest_Error()
    {
        string csv = _dir.Write("m.csv", "path,label\n\"a.png,1\n");
        var ex = Assert.Throws<DatasetManifestException>(
            () => DatasetManifestReader.Read(csv, new DatasetManifestOptions { CheckFilesExist = false }));
        Assert.StartsWith("malformed CSV", ex.Reason, StringComparison.Ordinal);
        Assert.Contains(csv, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_Manifest_Is_A_Manifest_Error()
    {
        string csv = _dir.File("nope.csv");
        var ex = Assert.Throws<DatasetManifestException>(() => DatasetManifestReader.Read(csv));
        Assert.Equal($"{csv}: manifest file not found", ex.Message);
    }

    [Fact]
    public void Options_With_One_Class_Are_Refused()
    {
        string csv = _dir.Write("m.csv", "path,label\n");
        var ex = Assert.Throws<ArgumentException>(() => DatasetManifestReader.Read(csv, new DatasetManifestOptions { ClassCount = 1 }));
        Assert.Contains("ClassCount must be at least 2", ex.Message, StringComparison.Ordinal);
    }
}
