using Npa.Monitor.Inference;
using OpenCvSharp;

namespace Npa.Monitor.Tests.Inference;

/// <summary>The committed demo package (models/demo) is what `./npa run` serves by default; it must load and score.</summary>
public sealed class DemoPackage_Tests
{
    [Fact]
    public void Demo_Package_Loads_Scores_Two_Branches_And_Draws_Activation_Maps()
    {
        string folder = Path.Combine(FixturePackage.RepositoryRoot, "models", "demo");
        using var engine = new InferenceEngine(folder, new InferenceEngineOptions { ExecutionProvider = ExecutionProvider.Cpu, IntraOpThreads = 1 }, new ListLogger<InferenceEngine>());
        var (c, h, w) = engine.InputShape;
        var crops = new float[2 * c * h * w];
        for (int i = 0; i < crops.Length; i++) crops[i] = (float)Math.Sin(i * 0.05);
        var results = engine.Run(crops, 2);
        Assert.All(results, r =>
        {
            Assert.Equal(1.0, r.Fused.Sum(), 4);
            Assert.InRange(r.AlphaA, 0f, 1f);
            Assert.InRange(r.AlphaB, 0f, 1f);
            Assert.StartsWith("npa-demo-synthetic@", r.ModelId, StringComparison.Ordinal);
        });
        using var crop = new Mat(h, w, MatType.CV_8UC3, new Scalar(120, 140, 180));
        var images = new ActivationMapper(engine).Explain(crops.AsSpan(0, c * h * w), crop);
        Assert.Equal(2, images.BranchMaps.Count);
        Assert.NotEmpty(images.OverlayPng);
    }
}
