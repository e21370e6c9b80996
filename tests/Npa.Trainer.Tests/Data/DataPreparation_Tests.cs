using Npa.Shared.Datasets;
using Npa.Trainer.Data;
using Npa.Trainer.Training.Options;

namespace Npa.Trainer.Tests.Data;

public sealed class DataPreparation_Tests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("npa-data-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void Manifest_Without_Split_Is_Split_Per_Class_And_Noised_With_Seed()
    {
        string manifest = TinyImageSet.Create(dir, classes: 8, perClass: 10);
        var options = new DataOptions { Manifest = manifest, ValidationFraction = 0.2, NoiseRate = 0.1 };
        var a = DataPreparation.Prepare(options, seed: 3);
        // 10 per class: 2 validation, 8 training per class.
        Assert.Equal(16, a.Validation.Count);
        Assert.Equal(64, a.Train.Count);
        Assert.All(Enumerable.Range(0, 8), k => Assert.Equal(2, a.Validation.Count(e => e.Label == k)));
        // Eq. 9 at 10 % of 8 per class: round(0.8) = 1 per class changes, by 1–3 points, and the clean label is kept.
        var changed = a.Train.Where(e => e.Label != e.CleanLabel).ToList();
        Assert.Equal(8, changed.Count);
        Assert.Equal(8, a.NoisyCount);
        Assert.All(changed, e => Assert.InRange(Math.Abs(e.Label - e.CleanLabel!.Value), 1, 3));
        // Same seed, same split and noise; another seed differs.
        var b = DataPreparation.Prepare(options, seed: 3);
        Assert.Equal(a.Train.Select(e => (e.Path, e.Label)), b.Train.Select(e => (e.Path, e.Label)));
        var c = DataPreparation.Prepare(options, seed: 4);
        Assert.NotEqual(a.Train.Select(e => (e.Path, e.Label)), c.Train.Select(e => (e.Path, e.Label)));
    }

    [Fact]
    public void Noise_None_Keeps_Every_Label()
    {
        string manifest = TinyImageSet.Create(dir, classes: 3, perClass: 10);
        var data = DataPreparation.Prepare(new DataOptions { Manifest = manifest, Noise = "none", ClassNames = ["a", "b", "c"] }, 1);
        Assert.All(data.Train, e => Assert.Equal(e.CleanLabel, e.Label));
        Assert.Equal(0, data.NoisyCount);
    }

    [Fact]
    public void Image_Folder_Gives_Classes_From_Subfolders()
    {
        TinyImageSet.Create(dir, classes: 3, perClass: 5);
        var (entries, names) = ImageFolderReader.Read(dir, null);
        Assert.Equal(new[] { "0", "1", "2" }, names);
        Assert.Equal(15, entries.Count);
        Assert.Equal(5, entries.Count(e => e.Label == 2));
    }

    [Fact]
    public void Image_Folder_With_Unknown_Class_Gives_Clear_Error()
    {
        TinyImageSet.Create(dir, classes: 3, perClass: 2);
        Directory.CreateDirectory(Path.Combine(dir, "extra"));
        var e = Assert.Throws<InvalidDataException>(() => ImageFolderReader.Read(dir, ["0", "1", "2"]));
        Assert.Contains("subfolder 'extra'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Manifest_With_Partial_Split_Is_Rejected()
    {
        string csv = Path.Combine(dir, "m.csv");
        TinyImageSet.Create(dir, classes: 2, perClass: 2);
        File.WriteAllLines(csv, ["path,label,split", "0/" + Path.GetFileName(Directory.GetFiles(Path.Combine(dir, "0"))[0]) + ",0,train",
            "1/" + Path.GetFileName(Directory.GetFiles(Path.Combine(dir, "1"))[0]) + ",1,"]);
        var e = Assert.Throws<TrainConfigException>(() => DataPreparation.Prepare(new DataOptions { Manifest = csv }, 1));
        Assert.Contains("split for some rows but not all", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_Data_Source_Gives_Clear_Error()
    {
        var e = Assert.Throws<TrainConfigException>(() => DataPreparation.Prepare(new DataOptions(), 1));
        Assert.Contains("set data.manifest or data.image_folder", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Stratified_Split_Keeps_One_Training_Sample_Per_Class()
    {
        var entries = new[] { new DatasetEntry("a", 0), new DatasetEntry("b", 0), new DatasetEntry("c", 1) };
        var split = StratifiedSplitter.Split(entries, 0.5, 0.5, 1);
        Assert.Equal(DatasetSplit.Train, split[2].Split);
        Assert.Single(split, e => e.Label == 0 && e.Split == DatasetSplit.Train);
    }

    [Fact]
    public void Train_Test_Manifest_Gets_A_Subject_Wise_Validation_Split()
    {
        // 10 subjects × 4 training rows, plus 8 test rows; 25 % of 40 = 10 rows → three whole subjects (12 rows).
        var entries = Enumerable.Range(0, 40).Select(i => new DatasetEntry($"t{i}", i % 4) { Subject = $"s{i / 4}", Split = DatasetSplit.Train })
            .Concat(Enumerable.Range(0, 8).Select(i => new DatasetEntry($"x{i}", i % 4) { Subject = "test", Split = DatasetSplit.Test })).ToArray();
        var carved = ValidationCarver.Carve(entries, 0.25, seed: 5);
        var val = carved.Where(e => e.Split == DatasetSplit.Validation).ToList();
        Assert.Equal(12, val.Count);
        var valSubjects = val.Select(e => e.Subject).ToHashSet();
        Assert.Equal(3, valSubjects.Count);
        Assert.DoesNotContain(carved, e => e.Split == DatasetSplit.Train && valSubjects.Contains(e.Subject));
        Assert.Equal(8, carved.Count(e => e.Split == DatasetSplit.Test));
    }

    [Fact]
    public void Manifest_That_Is_Already_Noisy_Gets_No_More_Noise()
    {
        TinyImageSet.Create(dir, classes: 2, perClass: 6);
        var files = Enumerable.Range(0, 2).SelectMany(k => Directory.GetFiles(Path.Combine(dir, k.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Select(f => (Path: f, Clean: k))).ToList();
        string csv = Path.Combine(dir, "noisy.csv");
        // The first image of class 0 carries label 1 (noisy), clean label 0.
        File.WriteAllLines(csv, new[] { "path,label,clean_label" }.Concat(files.Select((f, i) => $"{f.Path},{(i == 0 ? 1 : f.Clean)},{f.Clean}")));
        var data = DataPreparation.Prepare(new DataOptions { Manifest = csv, ValidationFraction = 0, ClassNames = ["0", "1"], NoiseRate = 0.5 }, 1);
        Assert.Equal(("manifest", 1), (data.NoiseSource, data.NoisyCount));
        Assert.Single(data.Train, e => e.Label != e.CleanLabel);
    }

    [Fact]
    public void Injected_Noise_Reaches_The_Validation_Labels_Too()
    {
        // A user's validation labels are as noisy as the training ones, so the split that selects must carry the noise.
        string manifest = TinyImageSet.Create(dir, classes: 4, perClass: 20);
        var data = DataPreparation.Prepare(new DataOptions { Manifest = manifest, ValidationFraction = 0.5, NoiseRate = 0.2, ClassNames = ["0", "1", "2", "3"] }, 5);
        // Eq. 9 at 20 % of 10 validation samples per class: 2 per class change.
        Assert.Equal(8, data.NoisyValidationCount);
        Assert.All(data.Validation, e => Assert.NotNull(e.CleanLabel));
        Assert.Equal(8, data.Validation.Count(e => e.Label != e.CleanLabel));
        Assert.Equal("val", data.SelectionSplit);
        Assert.Same(data.Validation, data.Selection);
    }

    [Fact]
    public void Trusted_Clean_Subset_Is_Kept_Apart_And_Selects()
    {
        TinyImageSet.Create(dir, classes: 2, perClass: 6);
        var files = Enumerable.Range(0, 2).SelectMany(k => Directory.GetFiles(Path.Combine(dir, k.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Order(StringComparer.Ordinal).Select((f, i) => (Path: f, Label: k, Split: i < 3 ? "train" : i < 5 ? "val" : "val_clean"))).ToList();
        string csv = Path.Combine(dir, "trusted.csv");
        File.WriteAllLines(csv, new[] { "path,label,split" }.Concat(files.Select(f => $"{f.Path},{f.Label},{f.Split}")));
        var data = DataPreparation.Prepare(new DataOptions { Manifest = csv, ClassNames = ["0", "1"], NoiseRate = 0.5 }, 1);
        Assert.Equal((6, 4, 2), (data.Train.Count, data.Validation.Count, data.TrustedValidation.Count));
        Assert.Equal("val_clean", data.SelectionSplit);
        Assert.Equal(data.TrustedValidation, data.Selection);
        // The trusted rows are never noised.
        Assert.Equal(files.Where(f => f.Split == "val_clean").Select(f => f.Label), data.TrustedValidation.Select(e => e.Label));
    }
}
