using Npa.Trainer.Export;
using Npa.Trainer.Models;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace Npa.Trainer.Tests.Export;

/// <summary>ONNX Runtime against TorchSharp eval on the project's own networks, 16 random inputs each.</summary>
public sealed class SiameseNetworkParity_Tests(ITestOutputHelper output)
{
    [Fact]
    public void Cpu_Small_Pair_ResNet18_EfficientNetV2T_Matches_TorchSharp() =>
        AssertParity(new NetworkSpec("resnet18", "efficientnet_v2_t", InputSize: 64), seed: 21);

    [Fact]
    public void Single_Branch_ResNet18_Matches_TorchSharp_And_Writes_Only_Branch_A() =>
        Assert.DoesNotContain(AssertParity(new NetworkSpec("resnet18", null, InputSize: 64), seed: 22).OutputNames, n => n.EndsWith("_b", StringComparison.Ordinal));

    [Fact]
    [Trait("Category", "Slow")]
    public void Single_Branch_EfficientNetV2S_Matches_TorchSharp() =>
        AssertParity(new NetworkSpec("efficientnet_v2_s", null, InputSize: 64), seed: 23);

    [Fact]
    public void ResNet18_MlNet_Single_Branch_Matches_TorchSharp() =>
        AssertParity(new NetworkSpec("resnet18_mlnet", null, InputSize: 64), seed: 24);

    [Fact]
    [Trait("Category", "Slow")]
    public void Paper_Pair_ResNet50_EfficientNetV2S_At_224_Matches_TorchSharp() =>
        AssertParity(NetworkSpec.Paper, seed: 25);

    private OnnxExportResult AssertParity(NetworkSpec spec, int seed)
    {
        manual_seed(seed);
        using var network = TinyNets.Calibrate(TinyNets.Randomize(new SiameseNetwork(spec)), net =>
        {
            using var batch = randn(8, 3, spec.InputSize, spec.InputSize);
            using var _ = net.call(batch);
        });
        var started = DateTime.UtcNow;
        var result = SiameseExport.Write(network);
        using var input = randn(16, 3, spec.InputSize, spec.InputSize);
        float[] probs;
        float[][] logits, alphas, features;
        using (no_grad())
        using (var outputs = network.ForwardWithFeatures(input))
        using (var fused = outputs.FusedProbabilities())
        {
            probs = fused.data<float>().ToArray();
            logits = [.. outputs.Branches.Select(b => b.Logits.data<float>().ToArray())];
            alphas = [.. outputs.Branches.Select(b => b.Alpha.data<float>().ToArray())];
            features = [.. outputs.Branches.Select(b => b.Features!.contiguous().data<float>().ToArray())];
        }
        var onnx = ParityHarness.RunOnnx(result, input);
        double dp = ParityHarness.MaxAbsDiff(probs, onnx.Probs);
        double dl = logits.Select((l, b) => ParityHarness.MaxAbsDiff(l, onnx.Logits[b])).Max();
        double da = alphas.Select((a, b) => ParityHarness.MaxAbsDiff(a, onnx.Alpha[b])).Max();
        double df = features.Select((f, b) => ParityHarness.MaxAbsDiff(f, onnx.Features[b])).Max();
        string label = $"{spec.BranchA}+{spec.BranchB ?? "(single)"} @{spec.InputSize}";
        double logitScale = logits.SelectMany(l => l).Max(v => Math.Abs(v));
        output.WriteLine($"parity {label}, 16 inputs: max|Δprobs| {dp:E2}, max|Δlogits| {dl:E2} (max|logit| {logitScale:F2}), max|Δalpha| {da:E2}, max|Δfeatures| {df:E2}; {result.MultiplyAccumulates / 1e9:F2} GMAC/image; {(DateTime.UtcNow - started).TotalSeconds:F1} s");
        Assert.True(dp <= 1e-4, $"{label}: probs differ by {dp:E2} > 1e-4");
        Assert.True(dl <= 1e-3, $"{label}: logits differ by {dl:E2} > 1e-3");
        Assert.True(da <= 1e-4, $"{label}: alpha differs by {da:E2} > 1e-4");
        Assert.True(probs.Max() - probs.Min() > 1e-3, $"{label}: probabilities are degenerate; the comparison would prove nothing");
        Assert.True(logits.SelectMany(l => l).Max(v => Math.Abs(v)) > 0.1, $"{label}: logits are all near zero; the comparison would prove nothing");
        return result;
    }
}
