using Google.Protobuf;
using Npa.Shared.Packaging;
using Npa.Trainer.Calibration;
using Npa.Trainer.Commands;
using Npa.Trainer.Export;
using Npa.Trainer.Models;
using Npa.Trainer.Training.Options;
using Onnx;
using Xunit.Abstractions;

namespace Npa.Trainer.Tests.Export;

/// <summary>Export of a run with a validation split: the temperature fitted on it, and FP16 weights checked on its images.</summary>
public sealed class CalibratedExport_Tests(ITestOutputHelper output) : IDisposable
{
    private const int Validation = 24;
    private readonly string root = Directory.CreateTempSubdirectory("npa-calibrated-export-").FullName;

    [Fact]
    public void Default_Export_Fits_The_Temperature_On_The_Validation_Labels_As_Given()
    {
        var (run, winner, labels, cleanLabels) = RunWithValidation();
        var manifest = RunPackageExporter.Export(run, Path.Combine(root, "pkg"), new RunExportOptions());

        var logits = ValidationSet.Load(run, TrainConfigOf(run), 8)!.Predict(winner);
        var onLabels = TemperatureScaling.Fit(logits, labels);
        var onClean = TemperatureScaling.Fit(logits, cleanLabels);
        output.WriteLine($"T on label {onLabels.Temperature:F4} (ECE {onLabels.EceBefore:F4} → {onLabels.EceAfter:F4}), T on clean_label {onClean.Temperature:F4}");
        Assert.NotEqual(onClean.Temperature, onLabels.Temperature, 3);
        Assert.Equal(onLabels.Temperature, manifest.Temperature, 9);
        Assert.Equal(onLabels.ToCalibration("val"), manifest.Calibration);
        Assert.Equal(Validation, manifest.Calibration!.Samples);
        Assert.True(manifest.Calibration.NllAfter <= manifest.Calibration.NllBefore);
        Assert.Equal(manifest.Temperature, ModelManifestJson.Read(Path.Combine(root, "pkg", "model.json")).Temperature);
    }

    [Theory]
    [InlineData("none", 1.0)]
    [InlineData("1.5", 1.5)]
    public void Given_Temperature_Is_Recorded_As_Given_Without_A_Fit(string argument, double expected)
    {
        var (run, _, _, _) = RunWithValidation();
        string outDir = Path.Combine(root, "pkg-" + argument);
        Assert.Equal(0, ExportCommand.Create().Parse(["--run", run, "--out", outDir, "--temperature", argument]).Invoke());
        var manifest = ModelManifestJson.Read(Path.Combine(outDir, "model.json"));
        Assert.Equal(expected, manifest.Temperature);
        Assert.Null(manifest.Calibration);
    }

    [Theory]
    [InlineData("hot")]
    [InlineData("0")]
    [InlineData("500")]
    public void Temperature_That_Is_Not_Fit_None_Or_A_Number_In_Range_Is_Refused(string argument)
    {
        var ex = Assert.Throws<ArgumentException>(() => ExportCommand.ParseTemperature(argument));
        Assert.Contains("--temperature must be fit, none or a number in [0.01, 100]", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fp16_Export_Records_Its_Storage_And_Measured_Difference_At_Half_The_Size()
    {
        var (run, _, _, _) = RunWithValidation();
        string fp32 = Path.Combine(root, "fp32"), fp16 = Path.Combine(root, "fp16");
        Assert.Equal(0, ExportCommand.Create().Parse(["--run", run, "--out", fp32]).Invoke());
        Assert.Equal(0, ExportCommand.Create().Parse(["--run", run, "--out", fp16, "--weights", "fp16"]).Invoke());

        var manifest = ModelManifestJson.Read(Path.Combine(fp16, "model.json"));
        Assert.Equal(WeightStorage.Fp16, manifest.WeightStorage);
        Assert.Equal(WeightStorage.Fp32, ModelManifestJson.Read(Path.Combine(fp32, "model.json")).WeightStorage);
        double difference = manifest.ValidationMetrics[Fp16Check.MetricName];
        long size32 = new FileInfo(Path.Combine(fp32, "model.onnx")).Length, size16 = new FileInfo(Path.Combine(fp16, "model.onnx")).Length;
        output.WriteLine($"fp32 {size32:N0} B, fp16 {size16:N0} B (ratio {(double)size16 / size32:F3}); max|Δprobs| on {Validation} validation images {difference:E2}");
        Assert.InRange(difference, 0, Fp16Check.Tolerance);
        Assert.Equal(Validation, manifest.ValidationMetrics[Fp16Check.SamplesMetricName]);
        Assert.InRange((double)size16 / size32, 0.45, 0.55);
        var model = ModelProto.Parser.ParseFrom(File.ReadAllBytes(Path.Combine(fp16, "model.onnx")));
        Assert.Contains(model.MetadataProps, p => p.Key == "weight_storage" && p.Value == "fp16");
        var (exit, text) = OnnxChecker.Check(Path.Combine(fp16, "model.onnx"));
        Assert.True(exit == 0, text);
    }

    private (string Run, SiameseNetwork Winner, int[] Labels, int[] CleanLabels) RunWithValidation() => FakeRunFolder.CreateWithValidation(root, Validation);

    private static TrainConfig TrainConfigOf(string run) => TrainConfig.Load(Path.Combine(run, "config.json"));

    public void Dispose() => Directory.Delete(root, recursive: true);
}
