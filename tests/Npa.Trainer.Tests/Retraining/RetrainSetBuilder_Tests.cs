using Npa.Shared.Datasets;
using Npa.Trainer.Retraining;
using Npa.Trainer.Tests.Data;

namespace Npa.Trainer.Tests.Retraining;

public sealed class RetrainSetBuilder_Tests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), $"npa-retrainset-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
    }

    private IReadOnlyList<DatasetEntry> Base() => DatasetManifestReader.Read(TinyImageSet.Create(Path.Combine(root, "base"), classes: 8, perClass: 2));

    private FlaggedLabelFile Export(string name, int beds, int perBed, int firstId = 0) => FlaggedLabelReader.Read(FlagExportFolder.Create(
        Path.Combine(root, name),
        Enumerable.Range(0, beds * perBed).Select(i => (FlagExportFolder.Id(firstId + i), $"bed-{i / perBed}", (i % 8).ToString(System.Globalization.CultureInfo.InvariantCulture), "annotator"))));

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void No_Bed_Has_Frames_On_Two_Sides_Of_The_Split(int seed)
    {
        // The base rows come with their split, so only the six beds are split here.
        var baseEntries = Base().Select(e => e with { Split = DatasetSplit.Train }).ToArray();
        var set = RetrainSetBuilder.Build(baseEntries, [Export("a", beds: 6, perBed: 5)], 0.25, 0.2, seed);
        var bySplit = set.Entries.Where(e => e.Subject?.StartsWith(RetrainSetBuilder.BedGroupPrefix, StringComparison.Ordinal) == true)
            .GroupBy(e => e.Subject!).Select(g => g.Select(e => e.Split).Distinct().Count());
        Assert.All(bySplit, n => Assert.Equal(1, n));
        Assert.Equal(30, set.FlaggedRows);
        // Six beds: one held out, two for validation (25 % rounded), three to train.
        Assert.Equal(5, set.Rows(DatasetSplit.Test).Count(e => e.Subject is not null));
        Assert.Equal(10, set.Rows(DatasetSplit.Validation).Count(e => e.Subject is not null));
    }

    [Fact]
    public void A_Frame_In_Two_Exports_Keeps_Its_Last_Label_And_Repeated_Images_Are_Dropped()
    {
        var first = Export("a", beds: 2, perBed: 2);
        var second = FlaggedLabelReader.Read(FlagExportFolder.Create(Path.Combine(root, "b"), [(FlagExportFolder.Id(0), "bed-0", "7", "annotator")]));
        var baseEntries = Base();
        // The base set holds one of the flagged crops again under another name: the flagged (relabelled) copy wins.
        string copy = Path.Combine(root, "base", "copy.png");
        File.Copy(first.Labels[1].Path, copy);
        var withCopy = baseEntries.Append(new DatasetEntry(copy, 0)).ToArray();

        var set = RetrainSetBuilder.Build(withCopy, [first, second], 0.25, 0, seed: 1);
        Assert.Equal(2, set.Duplicates);
        Assert.Equal(4, set.FlaggedRows);
        Assert.Equal(baseEntries.Count, set.BaseRows);
        var relabelled = set.Entries.Single(e => e.Extra.TryGetValue("flag_id", out var id) && id == FlagExportFolder.Id(0));
        Assert.Equal(7, relabelled.Label);
        Assert.DoesNotContain(set.Entries, e => e.Path == copy);
    }

    [Fact]
    public void Base_Splits_Are_Kept_And_A_Subject_On_Both_Sides_Is_Refused()
    {
        var baseEntries = Base().Select((e, i) => e with { Subject = $"s{i % 4}", Split = i % 4 == 0 ? DatasetSplit.Validation : DatasetSplit.Train }).ToArray();
        var set = RetrainSetBuilder.Build(baseEntries, [Export("a", beds: 3, perBed: 2)], 0.25, 0.2, seed: 1);
        foreach (var e in baseEntries) Assert.Equal(e.Split, set.Entries.Single(k => k.Path == e.Path).Split);

        var leaking = baseEntries.Select((e, i) => i == 0 ? e with { Split = DatasetSplit.Train } : e).ToArray();
        var error = Assert.Throws<InvalidDataException>(() => RetrainSetBuilder.Build(leaking, [], 0.25, 0.2, seed: 1));
        Assert.Contains("subject 's0'", error.Message, StringComparison.Ordinal);
    }
}
