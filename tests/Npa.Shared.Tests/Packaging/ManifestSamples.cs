using Npa.Shared.Packaging;
using Npa.Shared.Preprocessing;

namespace Npa.Shared.Tests.Packaging;

internal static class ManifestSamples
{
    public static ModelManifest Valid() => new()
    {
        ModelId = "hsn-r50-effv2s-2026-11-25.1",
        CreatedAt = new DateTimeOffset(2026, 11, 25, 19, 30, 0, TimeSpan.Zero),
        Classes = ModelClass.Nips,
        InputSize = [3, 224, 224],
        Preprocessing = PreprocessSpec.ImageNet,
        Branches = ["resnet50", "efficientnet_v2_s"],
        Outputs = ["probs", "logits_a", "logits_b", "alpha_a", "alpha_b", "features_a", "features_b"],
        ExportedWeights = ExportedWeights.Teacher,
        AlphaThreshold = 0.42,
        Flagging = new FlaggingDefaults(),
        TrainingConfigHash = "sha256:0c5f1e",
        ValidationMetrics = new Dictionary<string, double> { ["accuracy"] = 0.8078, ["macro_f1"] = 0.77, ["mae"] = 0.31, ["ece"] = 0.05 },
        OnnxSha256 = new string('a', 32) + new string('0', 32),
        Cam = new CamDescription { Method = "cam", FeatureOutputs = ["features_a", "features_b"], Description = "layer4 / features.7" },
        IntendedUse = "Decision support for trained NICU staff; not a diagnosis.",
    };

    /// <summary>The valid sample with FP16 weights and a fitted temperature.</summary>
    public static ModelManifest Calibrated() => Valid() with
    {
        Temperature = 1.75,
        Calibration = new TemperatureCalibration { Split = "val", Samples = 812, EceBefore = 0.081, EceAfter = 0.023, NllBefore = 0.92, NllAfter = 0.81 },
        WeightStorage = WeightStorage.Fp16,
    };
}
