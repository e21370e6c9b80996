using System.IO.Compression;
using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;
using Npa.Shared.Packaging;
using Npa.Trainer.Commands;
using Npa.Trainer.Export;
using Npa.Trainer.Models;
using Npa.Trainer.Training;
using static TorchSharp.torch;

namespace Npa.Trainer.Tests.Export;

public sealed class RunPackageExporter_Tests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("npa-export-").FullName;

    [Fact]
    public void Run_Folder_Exports_A_Package_Whose_Onnx_Scores_Like_The_Teacher_Checkpoint()
    {
        var (run, teacher) = FakeRun("teacher");
        string outDir = Path.Combine(root, "pkg");
        var manifest = RunPackageExporter.Export(run, outDir, zip: true);

        Assert.Equal(ExportedWeights.Teacher, manifest.ExportedWeights);
        Assert.Equal(0.375, manifest.AlphaThreshold);
        Assert.Equal(0.75, manifest.ValidationMetrics["val_accuracy"]);
        Assert.Equal(0.5, manifest.ValidationMetrics["val_accuracy_student"]);
        Assert.Equal(["efficientnet_v2_t"], manifest.Branches);
        Assert.Equal([3, 32, 32], manifest.InputSize);
        Assert.Equal(["probs", "logits_a", "alpha_a", "features_a"], manifest.Outputs);
        Assert.Equal(["features_a"], manifest.Cam!.FeatureOutputs);
        // No data.csv, so nothing to calibrate on: T = 1, and FP32 weights by default.
        Assert.Equal(1.0, manifest.Temperature);
        Assert.Null(manifest.Calibration);
        Assert.Equal(WeightStorage.Fp32, manifest.WeightStorage);
        var reread = ModelManifestJson.Read(Path.Combine(outDir, "model.json"));
        Assert.Equal(ModelPackageFiles.ComputeSha256(Path.Combine(outDir, "model.onnx")), reread.OnnxSha256);
        using (var zip = ZipFile.OpenRead(outDir + ".zip"))
            Assert.Equal(["model.json", "model.onnx"], zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));

        using var input = randn(4, 3, 32, 32);
        float[] expected;
        using (no_grad())
        using (var output = teacher.call(input))
        using (var probs = output.FusedProbabilities())
            expected = probs.data<float>().ToArray();
        using var session = new InferenceSession(File.ReadAllBytes(Path.Combine(outDir, "model.onnx")));
        using var value = OrtValue.CreateTensorValueFromMemory(input.data<float>().ToArray(), input.shape);
        using var results = session.Run(new RunOptions(), ["input"], [value], ["probs"]);
        Assert.True(ParityHarness.MaxAbsDiff(expected, results[0].GetTensorDataAsSpan<float>().ToArray()) <= 1e-5);
    }

    [Fact]
    public void Export_Command_Writes_The_Package_And_Returns_Zero()
    {
        var (run, _) = FakeRun("student");
        string outDir = Path.Combine(root, "cmd");
        int exit = ExportCommand.Create().Parse(["--checkpoint", run, "--out", outDir, "--id", "demo-test"]).Invoke();
        Assert.Equal(0, exit);
        var manifest = ModelManifestJson.Read(Path.Combine(outDir, "model.json"));
        Assert.Equal("demo-test", manifest.ModelId);
        Assert.Equal(ExportedWeights.Student, manifest.ExportedWeights);
    }

    [Fact]
    public void Folder_Without_Outcome_Is_Refused_Clearly()
    {
        var ex = Assert.Throws<RunFolderException>(() => RunPackageExporter.Export(root, Path.Combine(root, "x")));
        Assert.Contains("outcome.json not found: is", ex.Message, StringComparison.Ordinal);
        Assert.Equal(2, ExportCommand.Create().Parse(["--checkpoint", root, "--out", Path.Combine(root, "x")]).Invoke());
    }

    [Fact]
    public void Teacher_Asked_For_A_Run_Without_One_Is_Refused_Clearly()
    {
        var (run, _) = FakeRun("student", withTeacher: false);
        var ex = Assert.Throws<RunFolderException>(() => RunPackageExporter.Export(run, Path.Combine(root, "x"), which: "teacher"));
        Assert.Contains("teacher.safetensors not found (a run without EMA has no teacher)", ex.Message, StringComparison.Ordinal);
    }

    private (string Run, SiameseNetwork Winner) FakeRun(string winner, bool withTeacher = true) => FakeRunFolder.Create(root, winner, withTeacher);

    public void Dispose() => Directory.Delete(root, recursive: true);
}
