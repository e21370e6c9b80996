using Npa.Shared.Packaging;
using Npa.Shared.Preprocessing;

namespace Npa.Shared.Tests.Packaging;

public sealed class ModelManifest_Tests
{
    [Fact]
    public void Sample_Manifest_Is_Valid()
    {
        Assert.Empty(ManifestSamples.Valid().Validate());
    }

    [Fact]
    public void Single_Branch_Manifest_Is_Valid()
    {
        var m = ManifestSamples.Valid() with { Branches = ["resnet18"], Outputs = ["probs", "logits_a", "alpha_a"], Cam = null };
        Assert.Empty(m.Validate());
    }

    public static TheoryData<string, Func<ModelManifest, ModelManifest>, string> Broken() => new()
    {
        { "schema", m => m with { Schema = "npa.model/2" }, "schema is 'npa.model/2', expected 'npa.model/1'" },
        { "id", m => m with { ModelId = "" }, "model_id is missing" },
        { "id chars", m => m with { ModelId = "a/b" }, "model_id 'a/b' may only contain letters, digits, '.', '_' and '-'" },
        { "created", m => m with { CreatedAt = default }, "created_at is missing" },
        { "class count", m => m with { Classes = ModelClass.Nips.Take(7).ToArray() }, "classes lists 7 classes but the NIPS scale has 8" },
        { "class order", m => m with { Classes = [.. ModelClass.Nips.Take(7), new ModelClass(9, "x")] }, "classes[7] has index 9; indices must run 0, 1, 2, … in order" },
        { "class meaning", m => m with { Classes = [.. ModelClass.Nips.Take(7), new ModelClass(7, " ")] }, "classes[7] has no meaning text" },
        { "input shape", m => m with { InputSize = [224, 224] }, "input_size [224,224] must be [3,H,W] with positive H and W" },
        { "input vs crop", m => m with { InputSize = [3, 112, 112] }, "input_size [3,112,112] disagrees with preprocessing crop_size 224" },
        { "preprocessing", m => m with { Preprocessing = PreprocessSpec.ImageNet with { Std = null } }, "preprocessing: std is required for scaled_mean_std normalization" },
        { "branches", m => m with { Branches = [] }, "branches must name 1 or 2 backbones, got 0" },
        { "missing output", m => m with { Outputs = ["probs", "logits_a", "alpha_a", "alpha_b"], Cam = null }, "outputs lacks 'logits_b'" },
        { "unknown output", m => m with { Outputs = ["probs", "logits_a", "logits_b", "alpha_a", "alpha_b", "logits_x"], Cam = null }, "outputs has unknown 'logits_x' for a 2-branch model" },
        { "one-branch extra", m => m with { Branches = ["resnet18"], Outputs = ["probs", "logits_a", "alpha_a", "alpha_b"], Cam = null }, "outputs has unknown 'alpha_b' for a 1-branch model" },
        { "output twice", m => m with { Outputs = ["probs", "probs", "logits_a", "logits_b", "alpha_a", "alpha_b"], Cam = null }, "outputs lists 'probs' twice" },
        { "cam outputs", m => m with { Outputs = ["probs", "logits_a", "logits_b", "alpha_a", "alpha_b", "features_b"] }, "cam.feature_outputs names 'features_a', which is not in outputs" },
        { "weights", m => m with { ExportedWeights = (ExportedWeights)5 }, "exported_weights must be 'student' or 'teacher'" },
        { "alpha", m => m with { AlphaThreshold = 1.5 }, "alpha_threshold 1.5 must lie in [0, 1]" },
        { "alpha nan", m => m with { AlphaThreshold = double.NaN }, "alpha_threshold NaN must lie in [0, 1]" },
        { "flagging", m => m with { Flagging = new FlaggingDefaults { LowConfidenceThreshold = -0.1 } }, "flagging.low_confidence_threshold -0.1 must lie in [0, 1]" },
        { "config hash", m => m with { TrainingConfigHash = "" }, "training_config_hash is missing" },
        { "metric", m => m with { ValidationMetrics = new Dictionary<string, double> { ["ece"] = double.PositiveInfinity } }, "validation_metrics 'ece' = Infinity must be a named finite number" },
        { "sha short", m => m with { OnnxSha256 = "abc" }, "onnx_sha256 'abc' is not 64 lowercase hex digits" },
        { "sha upper", m => m with { OnnxSha256 = new string('A', 64) }, $"onnx_sha256 '{new string('A', 64)}' is not 64 lowercase hex digits" },
        { "intended use", m => m with { IntendedUse = "" }, "intended_use is missing" },
        { "temperature zero", m => m with { Temperature = 0 }, "temperature 0 must lie in [0.01, 100]" },
        { "temperature nan", m => m with { Temperature = double.NaN }, "temperature NaN must lie in [0.01, 100]" },
        { "calibration split", m => m with { Calibration = Calibration() with { Split = "" } }, "calibration.split is missing" },
        { "calibration samples", m => m with { Calibration = Calibration() with { Samples = 0 } }, "calibration.samples 0 must be at least 1" },
        { "calibration ece", m => m with { Calibration = Calibration() with { EceAfter = 1.5 } }, "calibration.ece_after 1.5 must lie in [0, 1]" },
        { "calibration nll", m => m with { Calibration = Calibration() with { NllBefore = double.PositiveInfinity } }, "calibration.nll_before Infinity must be a finite number ≥ 0" },
        { "calibration method", m => m with { Calibration = Calibration() with { Method = "clean" } }, "calibration.method 'clean' must be noise_aware or absent" },
        { "weight storage", m => m with { WeightStorage = (WeightStorage)7 }, "weight_storage must be 'fp32' or 'fp16'" },
    };

    private static TemperatureCalibration Calibration() => ManifestSamples.Calibrated().Calibration!;

    [Fact]
    public void Calibrated_Fp16_Manifest_Is_Valid()
    {
        Assert.Empty(ManifestSamples.Calibrated().Validate());
    }

    [Theory]
    [MemberData(nameof(Broken))]
    public void Broken_Field_Gives_Exactly_One_Readable_Error(string field, Func<ModelManifest, ModelManifest> breakIt, string expected)
    {
        Assert.NotEmpty(field);
        var m = breakIt(ManifestSamples.Valid());
        Assert.Equal([expected], m.Validate());
        var ex = Assert.Throws<ModelManifestException>(m.ThrowIfInvalid);
        Assert.EndsWith(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nips_Classes_Carry_Their_Bands()
    {
        Assert.Equal(["NIPS 0: no pain", "NIPS 2: no pain", "NIPS 3: mild to moderate pain", "NIPS 5: severe pain", "NIPS 7: severe pain"],
            new[] { 0, 2, 3, 5, 7 }.Select(k => ModelClass.Nips[k].Meaning));
    }
}
