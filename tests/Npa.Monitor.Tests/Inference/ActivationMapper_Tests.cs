using Npa.Monitor.Inference;
using OpenCvSharp;

namespace Npa.Monitor.Tests.Inference;

public sealed class ActivationMapper_Tests
{
    private static readonly InferenceEngineOptions Cpu = new() { ExecutionProvider = ExecutionProvider.Cpu, IntraOpThreads = 1 };

    [Fact]
    public void Cam_From_Exported_Features_Agrees_With_Trainer_GradCam_On_The_Predicted_Class()
    {
        using var engine = new InferenceEngine(FixturePackage.Folder, Cpu, new ListLogger<InferenceEngine>());
        var mapper = new ActivationMapper(engine);
        var samples = FixturePackage.Samples();
        using var crop = new Mat(48, 48, MatType.CV_8UC3, new Scalar(90, 120, 160));
        for (int s = 0; s < samples.Count; s++)
        {
            var images = mapper.Explain(FixturePackage.Inputs(1, firstSample: s), crop);
            Assert.Equal(samples[s]!["class"]!.GetValue<int>(), images.ClassIndex);
            foreach (var (suffix, b) in new[] { ("a", 0), ("b", 1) })
            {
                float[] gradCam = FixturePackage.Floats(samples[s]!, "gradcam_" + suffix);
                // Grad-CAM is ReLU(Σ w·A / hw); compare with the CAM after the same ReLU.
                float[] cam = [.. images.BranchMaps[b].Select(v => Math.Max(v, 0f))];
                double r = Pearson(gradCam, cam);
                Assert.True(r >= 0.95, $"sample {s} branch {suffix}: correlation {r:F4} < 0.95");
            }
        }
    }

    [Fact]
    public void Explain_Gives_Crop_Sized_Heatmap_And_Overlay_Pngs()
    {
        using var engine = new InferenceEngine(FixturePackage.Folder, Cpu, new ListLogger<InferenceEngine>());
        using var crop = new Mat(80, 80, MatType.CV_8UC3, new Scalar(40, 200, 40));
        var images = new ActivationMapper(engine).Explain(FixturePackage.Inputs(1), crop, classIndex: 5);
        Assert.Equal(5, images.ClassIndex);
        using var heat = Cv2.ImDecode(images.HeatmapPng, ImreadModes.Color);
        using var overlay = Cv2.ImDecode(images.OverlayPng, ImreadModes.Color);
        Assert.Equal(new Size(80, 80), heat.Size());
        Assert.Equal(new Size(80, 80), overlay.Size());
        // The overlay is half crop, half heatmap.
        var c = crop.At<Vec3b>(10, 10);
        var h = heat.At<Vec3b>(10, 10);
        var o = overlay.At<Vec3b>(10, 10);
        for (int ch = 0; ch < 3; ch++) Assert.InRange(o[ch], (c[ch] + h[ch]) / 2 - 1, (c[ch] + h[ch]) / 2 + 1);
    }

    [Fact]
    public void Branch_Overlays_Are_Half_Crop_Half_That_Branch_Alone()
    {
        using var engine = new InferenceEngine(FixturePackage.Folder, Cpu, new ListLogger<InferenceEngine>());
        var mapper = new ActivationMapper(engine);
        using var crop = new Mat(40, 40, MatType.CV_8UC3, new Scalar(60, 90, 200));
        var input = FixturePackage.Inputs(1, firstSample: 1);
        // The predicted class: its maps are positive in both branches (another class's may be all below zero, hence blank).
        var fused = mapper.Explain(input, crop);

        var overlays = mapper.BranchOverlays(input, crop, fused.ClassIndex);

        Assert.Equal(2, overlays.Count);
        Assert.NotEqual(overlays[0], overlays[1]);
        for (int b = 0; b < 2; b++)
        {
            var map = fused.BranchMaps[b];
            var shape = engine.FeatureShapes.Values.First(s => s[1] * s[2] == map.Length);
            using var heat = ActivationMapper.Heatmap([map], [shape], crop.Size());
            using var overlay = Cv2.ImDecode(overlays[b], ImreadModes.Color);
            foreach (var (y, x) in new[] { (0, 0), (20, 20), (39, 5) })
            {
                var c = crop.At<Vec3b>(y, x);
                var h = heat.At<Vec3b>(y, x);
                var o = overlay.At<Vec3b>(y, x);
                for (int ch = 0; ch < 3; ch++) Assert.InRange(o[ch], (c[ch] + h[ch]) / 2 - 1, (c[ch] + h[ch]) / 2 + 1);
            }
        }
    }

    [Fact]
    public void Class_Out_Of_Range_Is_Refused()
    {
        using var engine = new InferenceEngine(FixturePackage.Folder, Cpu, new ListLogger<InferenceEngine>());
        using var crop = new Mat(32, 32, MatType.CV_8UC3, Scalar.All(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ActivationMapper(engine).Explain(FixturePackage.Inputs(1), crop, classIndex: 8));
    }

    private static double Pearson(float[] x, float[] y)
    {
        Assert.Equal(x.Length, y.Length);
        double mx = x.Average(), my = y.Average(), sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < x.Length; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        Assert.True(sxx > 0 && syy > 0, "a map is constant; correlation is undefined");
        return sxy / Math.Sqrt(sxx * syy);
    }
}
