using Npa.Shared.Datasets;
using Npa.Shared.Packaging;
using Npa.Trainer.Retraining;
using Npa.Trainer.Tests.Data;
using Npa.Trainer.Tests.Training;
using Npa.Trainer.Training;
using Npa.Trainer.Training.Options;

namespace Npa.Trainer.Tests.Retraining;

[Collection("libtorch seed")]
public sealed class Retrainer_Tests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), $"npa-retrain-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
    }

    [Fact]
    public void Retrain_Fine_Tunes_The_Named_Run_And_Writes_A_Candidate_That_Names_Its_Run()
    {
        string baseManifest = TinyImageSet.Create(Path.Combine(root, "data"), perClass: 2);
        var ci = TrainConfig.Load(RepoPaths.Config("ci.json"));
        string source = Path.Combine(root, "source");
        // One branch keeps the test to seconds; the retrain path does not depend on the pair.
        var tiny = ci with { Data = ci.Data with { Manifest = baseManifest }, Model = ci.Model with { BranchB = null }, Optim = ci.Optim with { Epochs = 1 } };
        new TrainingRun(tiny, source).Run();
        string export = Path.Combine(root, "export");
        FlagExportFolder.Create(export, Enumerable.Range(0, 16).Select(i =>
            (FlagExportFolder.Id(i), $"bed-{i % 6}", i % 7 == 0 ? "cannot_tell" : (i % 8).ToString(System.Globalization.CultureInfo.InvariantCulture), "annotator")));

        string run = Path.Combine(root, "retrain"), package = Path.Combine(root, "candidate");
        var result = Retrainer.Run(new RetrainOptions
        {
            BaseManifest = baseManifest, FlagExports = [export], FromRun = source, OutRun = run, PackageOut = package, Epochs = 1, Seed = 2,
        });

        Assert.Equal(3, result.Set.CannotTell);
        Assert.Equal(13, result.Set.FlaggedRows);
        var candidate = ModelManifestJson.Read(Path.Combine(package, ModelPackageFiles.Manifest));
        Assert.Equal(Path.GetFullPath(run), candidate.TrainingRun);
        Assert.Equal(Path.GetFullPath(run), ServingRun.Of(package));
        Assert.Equal(ModelPackageFiles.ComputeSha256(Path.Combine(package, ModelPackageFiles.Onnx)), candidate.OnnxSha256);
        Assert.StartsWith("ci-retrain-", candidate.ModelId, StringComparison.Ordinal);
        // It started from the source run's kept weights, and trained on what it wrote down.
        string winner = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(source, "outcome.json"))).RootElement.GetProperty("winner").GetString()!;
        Assert.Equal(File.ReadAllBytes(Path.Combine(source, "best", winner + ".safetensors")), File.ReadAllBytes(Path.Combine(run, "init.safetensors")));
        var config = TrainConfig.Load(Path.Combine(run, "config.json"));
        Assert.Equal(Path.Combine(run, "init.safetensors"), config.Model.InitFrom);
        Assert.Equal("none", config.Data.Noise);
        Assert.Equal(ci.Optim.LearningRate / 10, config.Optim.LearningRate, 12);
        var heldout = DatasetManifestReader.Read(result.HeldoutManifest!);
        Assert.NotEmpty(heldout);
        Assert.All(heldout, e => Assert.Equal(DatasetSplit.Test, e.Split));
        var trainBeds = result.Set.Rows(DatasetSplit.Train).Where(e => e.Subject is not null).Select(e => e.Subject).ToHashSet();
        Assert.DoesNotContain(heldout, e => e.Subject is not null && trainBeds.Contains(e.Subject));
    }

    [Fact]
    public void A_Package_That_Names_No_Run_Asks_For_From()
    {
        string demo = Path.Combine(RepoPaths.Root, "models", "demo");
        var e = Assert.Throws<TrainConfigException>(() => ServingRun.Of(demo));
        Assert.Contains("pass --from RUN", e.Message, StringComparison.Ordinal);
    }
}
