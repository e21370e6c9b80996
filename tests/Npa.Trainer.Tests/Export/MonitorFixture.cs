using System.Text.Json;
using System.Text.Json.Nodes;
using Google.Protobuf;
using Npa.Shared.Packaging;
using Npa.Shared.Preprocessing;
using Npa.Trainer.Cam;
using Npa.Trainer.Export;
using static TorchSharp.torch;

namespace Npa.Trainer.Tests.Export;

/// <summary>
/// The tiny package the Monitor's inference tests load (tests/Npa.Monitor.Tests/Inference/Fixtures/tiny-pair), and the
/// TorchSharp outputs and Grad-CAM maps it must reproduce (expected.json). Inputs follow <see cref="Input"/>, which the
/// Monitor tests repeat, so no tensors need storing.
/// </summary>
internal static class MonitorFixture
{
    public const int Size = 32;
    public const int Count = 4;

    public static string Folder => Path.Combine(OnnxChecker.RepositoryRoot(), "tests", "Npa.Monitor.Tests", "Inference", "Fixtures", "tiny-pair");

    /// <summary>Deterministic crop values: sample s, flat CHW index i.</summary>
    public static float Input(int s, int i) => (float)(Math.Sin(i * 0.37 + s * 1.3) + 2.5 * (s - 1.5) * (i / (Size * Size) - 1) + Math.Cos(i * 0.011 * (s + 1)));

    public static TestBranch[] Branches()
    {
        manual_seed(31);
        TestBranch[] branches =
        [
            TestBranch.Create("branch_a", TinyNets.SeNet(8, finalSigmoid: false), 16),
            TestBranch.Create("branch_b", TinyNets.SeNet(4, finalSigmoid: false), 8),
        ];
        // Larger classifier weights spread the probabilities, so the fixture tells classes apart.
        using var noGrad = no_grad();
        foreach (var b in branches) b.Fc.weight!.mul_(8);
        return branches;
    }

    public static byte[] Onnx(TestBranch[] branches) =>
        SiameseOnnxWriter.Write([.. branches.Select(b => b.ForWriter)], new OnnxExportOptions(Size, Size)).Model.ToByteArray();

    public static ModelManifest Manifest(byte[] onnx, IReadOnlyList<string> outputs) => new()
    {
        ModelId = "tiny-pair-fixture",
        CreatedAt = new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero),
        Classes = ModelClass.Nips,
        InputSize = [3, Size, Size],
        Preprocessing = PreprocessSpec.ImageNet with { ResizeShorterSide = 36, CropSize = Size },
        Branches = ["tiny_se_8", "tiny_se_4"],
        Outputs = outputs,
        ExportedWeights = ExportedWeights.Student,
        AlphaThreshold = 0.25,
        Flagging = new FlaggingDefaults(),
        TrainingConfigHash = "fixture",
        ValidationMetrics = new Dictionary<string, double> { ["accuracy"] = 0.5 },
        OnnxSha256 = ModelPackageFiles.ComputeSha256(onnx),
        Cam = new CamDescription { Method = "cam", FeatureOutputs = ["features_a", "features_b"] },
        IntendedUse = "Test fixture only.",
    };

    /// <summary>TorchSharp's outputs for the fixture inputs, and each sample's Grad-CAM maps for its fused class.</summary>
    public static JsonObject Expected(TestBranch[] branches)
    {
        int per = 3 * Size * Size;
        var data = new float[Count * per];
        for (int s = 0; s < Count; s++)
            for (int i = 0; i < per; i++) data[s * per + i] = Input(s, i);
        using var input = tensor(data, [Count, 3, Size, Size]);
        var reference = ParityHarness.Reference(branches, input);
        var samples = new JsonArray();
        for (int s = 0; s < Count; s++)
        {
            float[] fused = reference.Probs.AsSpan(s * 8, 8).ToArray();
            int cls = System.Array.IndexOf(fused, fused.Max());
            using var one = input[s].unsqueeze(0);
            var sample = new JsonObject
            {
                ["probs"] = ToJson(fused),
                ["class"] = cls,
            };
            for (int b = 0; b < branches.Length; b++)
            {
                string suffix = ModelOutputNames.Suffix(b);
                float[] logits = reference.Logits[b].AsSpan(s * 8, 8).ToArray();
                float alpha = reference.Alpha[b][s];
                using var p = tensor(logits).mul(alpha).softmax(0);
                sample["alpha_" + suffix] = alpha;
                sample["probs_" + suffix] = ToJson(p.data<float>().ToArray());
                var branch = branches[b];
                var map = GradCam.Compute(x => Cam.GradCam_Tests.Forward(branch, x), one, cls);
                sample["gradcam_" + suffix] = ToJson(map.Values);
            }
            samples.Add(sample);
        }
        return new JsonObject { ["size"] = Size, ["count"] = Count, ["samples"] = samples };
    }

    private static JsonArray ToJson(float[] values) => new([.. values.Select(v => (JsonNode)JsonValue.Create(v))]);

    public static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
}
