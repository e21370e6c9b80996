using Npa.Capture.Simulation;
using Npa.Capture.Simulation.Rendering;
using Npa.Shared.Datasets;
using Xunit.Abstractions;

namespace Npa.Capture.Tests.Simulation;

public sealed class SyntheticDatasetGenerator_Tests(ITestOutputHelper output) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("npa-synth-").FullName;

    private SyntheticDatasetOptions Options(string name, int count = 400) => new()
    {
        OutputDirectory = Path.Combine(_dir, name),
        Count = count,
        ImageSize = 48,
        Seed = 9,
        ContactSheetColumns = 4,
    };

    [Fact]
    public void Paper_Noise_Flips_Exactly_The_Requested_Fraction_Of_Each_Training_Class_Within_0_To_7()
    {
        var result = SyntheticDatasetGenerator.Generate(Options("paper") with { Noise = LabelNoiseMode.Paper, NoiseFraction = 0.10 });
        var entries = DatasetManifestReader.Read(result.ManifestPath);
        output.WriteLine(File.ReadAllText(result.SummaryPath));
        output.WriteLine("class  train  flipped  expected");
        Assert.Equal(400, entries.Count);
        Assert.All(entries, e => Assert.InRange(e.Label, 0, 7));
        Assert.All(entries, e => Assert.InRange(e.CleanLabel!.Value, 0, 7));
        for (int c = 0; c < 8; c++)
        {
            var train = entries.Where(e => e.Split == DatasetSplit.Train && e.CleanLabel == c).ToList();
            int flipped = train.Count(e => e.Label != c);
            int expected = (int)Math.Round(train.Count * 0.10, MidpointRounding.AwayFromZero);
            output.WriteLine($"{c,5}  {train.Count,5}  {flipped,7}  {expected,8}");
            Assert.Equal(expected, flipped);
            Assert.All(train.Where(e => e.Label != c), e => Assert.InRange(Math.Abs(e.Label - c), 1, 3));
        }
        Assert.All(entries.Where(e => e.Split == DatasetSplit.Test), e => Assert.Equal(e.CleanLabel, e.Label));
    }

    [Fact]
    public void Split_Is_By_Subject_And_Stratified_Near_70_30()
    {
        var result = SyntheticDatasetGenerator.Generate(Options("split") with { Noise = LabelNoiseMode.None });
        var entries = result.Entries;
        var splitsPerSubject = entries.GroupBy(e => e.Subject).Select(g => g.Select(e => e.Split).Distinct().Count());
        Assert.All(splitsPerSubject, n => Assert.Equal(1, n));
        Assert.Equal(50, entries.Select(e => e.Subject).Distinct().Count());
        double trainShare = entries.Count(e => e.Split == DatasetSplit.Train) / (double)entries.Count;
        Assert.InRange(trainShare, 0.66, 0.74);
        for (int c = 0; c < 8; c++)
        {
            double share = result.Summary.Train[c] / (double)(result.Summary.Train[c] + result.Summary.Test[c]);
            Assert.InRange(share, 0.55, 0.85);
        }
    }

    [Fact]
    public void Occlusion_Noise_Hits_Occluded_Faces_At_Their_Own_Rate()
    {
        var result = SyntheticDatasetGenerator.Generate(Options("occ") with
        {
            OcclusionRate = 0.5, Noise = LabelNoiseMode.Occlusion, OccludedNoiseRate = 0.4, NoiseFraction = 0.05,
        });
        var train = result.Entries.Where(e => e.Split == DatasetSplit.Train).ToList();
        var occluded = train.Where(e => e.Occluded == true).ToList();
        var clear = train.Where(e => e.Occluded == false).ToList();
        Assert.True(occluded.Count > 100, $"only {occluded.Count} occluded training images");
        Assert.Equal((int)Math.Round(occluded.Count * 0.4, MidpointRounding.AwayFromZero), occluded.Count(e => e.Label != e.CleanLabel));
        Assert.Equal((int)Math.Round(clear.Count * 0.05, MidpointRounding.AwayFromZero), clear.Count(e => e.Label != e.CleanLabel));
        Assert.All(train, e => Assert.Contains(e.Extra["occlusion"], Enum.GetNames<OcclusionKind>()));
    }

    [Fact]
    public void Same_Seed_Gives_Same_Manifest_And_Pixels()
    {
        var a = SyntheticDatasetGenerator.Generate(Options("a", 24));
        var b = SyntheticDatasetGenerator.Generate(Options("b", 24));
        Assert.Equal(a.Entries.Select(e => (e.Label, e.CleanLabel, e.Subject, e.Split)), b.Entries.Select(e => (e.Label, e.CleanLabel, e.Subject, e.Split)));
        for (int i = 0; i < a.Entries.Count; i++)
            Assert.Equal(File.ReadAllBytes(a.Entries[i].Path), File.ReadAllBytes(b.Entries[i].Path));
    }

    [Fact]
    public void Contact_Sheet_Has_A_Row_Per_Class()
    {
        var result = SyntheticDatasetGenerator.Generate(Options("sheet", 48));
        using var sheet = OpenCvSharp.Cv2.ImRead(result.ContactSheetPath);
        Assert.Equal(8 * (48 + 4) + 4, sheet.Rows);
        Assert.Contains("| 7 | severe |", File.ReadAllText(result.SummaryPath), StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_Train_Fraction_Gives_Clear_Error()
    {
        var e = Assert.Throws<ArgumentException>(() => SyntheticDatasetGenerator.Generate(Options("bad") with { TrainFraction = 1 }));
        Assert.Contains("train fraction 1 must lie strictly between 0 and 1", e.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
