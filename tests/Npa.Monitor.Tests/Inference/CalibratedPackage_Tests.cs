using Npa.Monitor.Inference;
using Npa.Shared.Packaging;

namespace Npa.Monitor.Tests.Inference;

/// <summary>The engine applies the manifest's temperature: softmax(α·logits / T) per branch, fused = their mean.</summary>
public sealed class CalibratedPackage_Tests : IDisposable
{
    private static readonly InferenceEngineOptions Cpu = new() { ExecutionProvider = ExecutionProvider.Cpu, IntraOpThreads = 1 };
    private readonly string root = Directory.CreateTempSubdirectory("npa-calibrated-").FullName;

    [Fact]
    public void Package_With_Temperature_Two_Gives_The_Hand_Computed_Probabilities()
    {
        string dir = WithTemperature(2);
        var logger = new ListLogger<InferenceEngine>();
        using var engine = new InferenceEngine(dir, Cpu, logger);
        var samples = FixturePackage.Samples();
        var results = engine.Run(FixturePackage.Inputs(samples.Count), samples.Count);
        for (int s = 0; s < samples.Count; s++)
        {
            // softmax(z / 2) ∝ √exp(z) ∝ √softmax(z): each calibrated branch is the normalised square root of TorchSharp's.
            float[] a = SquareRootNormalised(FixturePackage.Floats(samples[s]!, "probs_a"));
            float[] b = SquareRootNormalised(FixturePackage.Floats(samples[s]!, "probs_b"));
            float[] fused = [.. a.Zip(b, (x, y) => (x + y) / 2)];
            var r = results[s];
            AssertClose(a, r.ProbabilitiesA);
            AssertClose(b, r.ProbabilitiesB);
            AssertClose(fused, r.Fused);
            Assert.Equal(Array.IndexOf(fused, fused.Max()), r.Level);
            Assert.Equal(fused.Max(), r.Confidence, 5);
            Assert.Equal(fused.Select((p, k) => (double)p * k).Sum(), r.ExpectedScore, 4);
        }
        Assert.Contains(logger.Lines, l => l.Message.Contains("temperature 2.000", StringComparison.Ordinal));
    }

    [Fact]
    public void Temperature_Above_One_Lowers_Every_Confidence_And_Keeps_The_Branch_Argmax()
    {
        using var plain = new InferenceEngine(FixturePackage.Folder, Cpu, new ListLogger<InferenceEngine>());
        using var calibrated = new InferenceEngine(WithTemperature(3), Cpu, new ListLogger<InferenceEngine>());
        float[] inputs = FixturePackage.Inputs(4);
        var before = plain.Run(inputs, 4);
        var after = calibrated.Run(inputs, 4);
        for (int s = 0; s < 4; s++)
        {
            Assert.True(after[s].ProbabilitiesA.Max() < before[s].ProbabilitiesA.Max());
            Assert.Equal(Array.IndexOf(before[s].ProbabilitiesA, before[s].ProbabilitiesA.Max()), Array.IndexOf(after[s].ProbabilitiesA, after[s].ProbabilitiesA.Max()));
            Assert.Equal(before[s].AlphaA, after[s].AlphaA);
            Assert.Equal(before[s].BranchesAgree, after[s].BranchesAgree);
        }
    }

    [Fact]
    public void Committed_Fixture_Without_A_Temperature_Serves_The_Graphs_Probs()
    {
        using var engine = new InferenceEngine(FixturePackage.Folder, Cpu, new ListLogger<InferenceEngine>());
        Assert.Equal(1.0, engine.Package.Manifest.Temperature);
        var samples = FixturePackage.Samples();
        var results = engine.Run(FixturePackage.Inputs(samples.Count), samples.Count);
        for (int s = 0; s < samples.Count; s++) AssertClose(FixturePackage.Floats(samples[s]!, "probs"), results[s].Fused);
    }

    [Fact]
    public void Result_Math_Divides_The_Scaled_Logits_By_T_And_Averages_The_Branches()
    {
        // Branch a: α·logits = [2 ln 3, 0 ×7]; at T = 2 that is [ln 3, 0 ×7] → [3, 1 ×7] / 10.
        // Branch b: α·logits = 0 → uniform 1/8 at any T. Fused = their mean. The graph's probs (here garbage) are not used.
        var outputs = Outputs(scaledTopLogitA: 4 * MathF.Log(3));
        var r = ResultMath.Build(outputs, 0, 8, 2, "m", temperature: 2);
        AssertClose([0.3f, .. Enumerable.Repeat(0.1f, 7)], r.ProbabilitiesA);
        AssertClose([.. Enumerable.Repeat(0.125f, 8)], r.ProbabilitiesB);
        AssertClose([0.2125f, .. Enumerable.Repeat(0.1125f, 7)], r.Fused);
        Assert.Equal(0, r.Level);

        var single = ResultMath.Build(outputs, 0, 8, 1, "m", temperature: 2);
        Assert.Equal(single.ProbabilitiesA, single.Fused);
    }

    [Fact]
    public void Result_Math_Fuses_By_The_Package_Rule_Instead_Of_The_Graph_Mean()
    {
        // Branch a: α·logits = [ln 3, 0 ×7] → [3, 1 ×7] / 10; branch b: uniform 1/8. α 0.5 and 0.25 weight them 2/3 and 1/3:
        // fused[0] = 2/3·0.3 + 1/3·0.125 = 0.2416667, fused[k] = 2/3·0.1 + 1/3·0.125 = 0.1083333. The graph's probs are not used.
        var outputs = Outputs(scaledTopLogitA: 2 * MathF.Log(3));
        var r = ResultMath.Build(outputs, 0, 8, 2, "m", temperature: 1, fusion: FusionRule.AlphaWeighted);
        AssertClose([0.2416667f, .. Enumerable.Repeat(0.1083333f, 7)], r.Fused);

        // The mean rule at T = 1 passes the graph's probs through (here a marker vector the branches would not give).
        outputs[ModelOutputNames.Probs] = [0.3f, 0.1f, 0.1f, 0.1f, 0.1f, 0.1f, 0.1f, 0.1f];
        var graph = ResultMath.Build(outputs, 0, 8, 2, "m", temperature: 1, fusion: FusionRule.Mean);
        Assert.Equal(outputs[ModelOutputNames.Probs], graph.Fused);
    }

    [Fact]
    public void Manifest_With_An_Unknown_Fusion_Is_Refused_By_Name()
    {
        string dir = FixturePackage.CopyTo(Path.Combine(root, "fusion"));
        string path = Path.Combine(dir, ModelPackageFiles.Manifest);
        var bad = ModelManifestJson.Read(path) with { Fusion = "max" };
        var e = Assert.Throws<ModelManifestException>(() => ModelManifestJson.Write(path, bad));
        Assert.Contains("fusion 'max' must be one of mean, alpha_weighted, confidence_weighted", e.Message, StringComparison.Ordinal);
        ModelManifestJson.Write(path, bad with { Fusion = FusionRule.ConfidenceWeighted });
        Assert.Equal(FusionRule.ConfidenceWeighted, ModelManifestJson.Read(path).Fusion);
    }

    /// <summary>Raw outputs of one sample: branch a's logits [top, 0 ×7] at α 0.5, branch b's flat logits at α 0.25, garbage graph probs.</summary>
    private static Dictionary<string, float[]> Outputs(float scaledTopLogitA) => new()
    {
        [ModelOutputNames.Probs] = [.. Enumerable.Repeat(-1f, 8)],
        [ModelOutputNames.LogitsA] = [scaledTopLogitA, 0, 0, 0, 0, 0, 0, 0],
        [ModelOutputNames.AlphaA] = [0.5f],
        [ModelOutputNames.LogitsB] = [.. Enumerable.Repeat(5f, 8)],
        [ModelOutputNames.AlphaB] = [0.25f],
    };

    private string WithTemperature(double temperature)
    {
        string dir = FixturePackage.CopyTo(Path.Combine(root, $"t{temperature}"));
        string path = Path.Combine(dir, ModelPackageFiles.Manifest);
        ModelManifestJson.Write(path, ModelManifestJson.Read(path) with { Temperature = temperature });
        return dir;
    }

    private static float[] SquareRootNormalised(float[] p)
    {
        double sum = p.Sum(v => Math.Sqrt(v));
        return [.. p.Select(v => (float)(Math.Sqrt(v) / sum))];
    }

    private static void AssertClose(float[] expected, float[] actual, double tolerance = 1e-5)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance, $"[{i}] expected {expected[i]}, got {actual[i]}");
    }

    public void Dispose() => Directory.Delete(root, recursive: true);
}
