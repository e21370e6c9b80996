using Npa.Shared.Datasets;
using Npa.Trainer.Retraining;

namespace Npa.Trainer.Tests.Retraining;

public sealed class FlaggedLabelReader_Tests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), $"npa-flags-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
    }

    [Fact]
    public void Only_Annotator_Labels_Are_Kept_And_Cannot_Tell_And_Prefills_Are_Counted()
    {
        FlagExportFolder.Create(root,
        [
            (FlagExportFolder.Id(1), "bed-1", "4", "annotator"),
            (FlagExportFolder.Id(2), "bed-1", "cannot_tell", "annotator"),
            (FlagExportFolder.Id(3), "bed-2", "5", "model"),
            (FlagExportFolder.Id(4), "'-bed", "6", "annotator"),
            (FlagExportFolder.Id(5), "bed-2", "2", "cannot_tell"),
        ]);
        var file = FlaggedLabelReader.Read(root);
        Assert.Equal([FlagExportFolder.Id(1), FlagExportFolder.Id(4)], file.Labels.Select(l => l.Id));
        Assert.Equal([4, 6], file.Labels.Select(l => l.Label));
        Assert.Equal("-bed", file.Labels[1].Bed);
        Assert.Equal(2, file.CannotTell);
        Assert.Equal(1, file.Unlabelled);
        Assert.True(File.Exists(file.Labels[0].Path));
    }

    [Fact]
    public void A_Label_Outside_Nips_Names_Its_Line()
    {
        FlagExportFolder.Create(root, [(FlagExportFolder.Id(1), "bed-1", "3", "annotator"), (FlagExportFolder.Id(2), "bed-1", "8", "annotator")]);
        var e = Assert.Throws<DatasetManifestException>(() => FlaggedLabelReader.Read(root));
        Assert.Contains("line 3", e.Message, StringComparison.Ordinal);
        Assert.Contains("label '8'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Manifest_Without_The_Flag_Columns_Is_Refused()
    {
        Directory.CreateDirectory(root);
        File.WriteAllLines(Path.Combine(root, "manifest.csv"), ["path,label", "a.png,1"]);
        var e = Assert.Throws<DatasetManifestException>(() => FlaggedLabelReader.Read(root));
        Assert.Contains("no 'id' column", e.Message, StringComparison.Ordinal);
    }
}
