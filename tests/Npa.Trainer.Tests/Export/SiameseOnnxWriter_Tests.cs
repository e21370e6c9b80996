using Npa.Trainer.Export;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace Npa.Trainer.Tests.Export;

public sealed class SiameseOnnxWriter_Tests(ITestOutputHelper output)
{
    private const double ProbsTolerance = 1e-4;
    private const double LogitsTolerance = 1e-3;

    [Fact]
    public void Tiny_Pair_With_SE_And_Folded_BatchNorm_Gives_Same_Outputs_As_TorchSharp()
    {
        manual_seed(1);
        var branches = new[]
        {
            TestBranch.Create("branch_a", TinyNets.SeNet(16), 32),
            TestBranch.Create("branch_b", TinyNets.SeNet(8), 16),
        };
        AssertParity("tiny SE pair, 32 px", branches, 32);
    }

    [Fact]
    public void ResNet18_Single_Branch_Gives_Same_Outputs_As_TorchSharp_And_Only_Branch_A_Outputs()
    {
        manual_seed(2);
        var branches = new[] { TestBranch.Create("branch_a", TinyNets.ResNet18Trunk(), 512) };
        var result = AssertParity("resnet18 single branch, 64 px", branches, 64);
        Assert.Equal(["probs", "logits_a", "alpha_a", "features_a"], result.OutputNames);
    }

    [Fact]
    public void ResNet18_And_SE_Pair_Gives_Same_Outputs_As_TorchSharp_In_Contract_Order()
    {
        manual_seed(3);
        var branches = new[]
        {
            TestBranch.Create("branch_a", TinyNets.ResNet18Trunk(), 512),
            TestBranch.Create("branch_b", TinyNets.SeNet(16), 32),
        };
        var result = AssertParity("resnet18 + SE pair, 64 px", branches, 64);
        Assert.Equal(["probs", "logits_a", "logits_b", "alpha_a", "alpha_b", "features_a", "features_b"], result.OutputNames);
        Assert.Equal([512L, 2, 2], result.FeatureShapes![0]);
        Assert.Equal([32L, 16, 16], result.FeatureShapes![1]);
    }

    [Fact]
    public void Written_Model_Declares_IR8_Opset17_And_Dynamic_Batch()
    {
        manual_seed(4);
        var result = SiameseOnnxWriter.Write([TestBranch.Create("branch_a", TinyNets.SeNet(), 32).ForWriter], new OnnxExportOptions(32, 32));
        Assert.Equal(8, result.Model.IrVersion);
        Assert.Equal(17, Assert.Single(result.Model.OpsetImport).Version);
        var dims = Assert.Single(result.Model.Graph.Input).Type.TensorType.Shape.Dim;
        Assert.Equal("N", dims[0].DimParam);
        Assert.Equal([3L, 32, 32], dims.Skip(1).Select(d => d.DimValue));
        Assert.DoesNotContain(result.Model.Graph.Node, n => n.OpType is "BatchNormalization" or "Dropout");
    }

    [Fact]
    public void Written_Model_Counts_Conv_And_Gemm_MACs()
    {
        var net = nn.Sequential(("conv", nn.Conv2d(3, 4, 3, padding: 1)));
        var branch = TestBranch.Create("branch_a", net, 4, classes: 8);
        var result = SiameseOnnxWriter.Write([branch.ForWriter], new OnnxExportOptions(16, 16));
        long conv = 4L * 16 * 16 * 3 * 3 * 3, gemm = 4L * 8 + 4L * 1;
        Assert.Equal(conv + gemm, result.MultiplyAccumulates);
    }

    [Fact]
    public void Unsupported_Module_Gives_Its_Path_And_Type()
    {
        var backbone = nn.Sequential(("0", nn.Conv2d(3, 4, 3)), ("1", nn.Sequential(("norm", nn.GroupNorm(2, 4)))));
        var branches = new[]
        {
            TestBranch.Create("branch_a", TinyNets.SeNet(2), 4).ForWriter,
            TestBranch.Create("branch_b", backbone, 4).ForWriter,
        };
        var ex = Assert.Throws<UnsupportedModuleException>(() => SiameseOnnxWriter.Write(branches, new OnnxExportOptions(32, 32)));
        Assert.Equal("branch_b.backbone.1.norm: GroupNorm is not supported by the ONNX writer", ex.Message);
    }

    [Fact]
    public void Backbone_Not_Ending_In_Feature_Maps_Is_Refused_Clearly()
    {
        var backbone = nn.Sequential(("0", nn.Conv2d(3, 4, 3)), ("pool", nn.AdaptiveAvgPool2d(1)), ("flat", nn.Flatten()));
        var ex = Assert.Throws<UnsupportedModuleException>(() =>
            SiameseOnnxWriter.Write([TestBranch.Create("branch_a", backbone, 4).ForWriter], new OnnxExportOptions(32, 32)));
        Assert.Contains("branch_a.backbone: must end in [N,C,h,w] feature maps", ex.Message, StringComparison.Ordinal);
    }

    private OnnxExportResult AssertParity(string label, IReadOnlyList<TestBranch> branches, int size)
    {
        var result = SiameseOnnxWriter.Write(branches.Select(b => b.ForWriter).ToList(), new OnnxExportOptions(size, size));
        using var input = randn(16, 3, size, size);
        var expected = ParityHarness.Reference(branches, input);
        var actual = ParityHarness.RunOnnx(result, input);
        double probs = ParityHarness.MaxAbsDiff(expected.Probs, actual.Probs);
        double logits = 0, alpha = 0, features = 0;
        for (int b = 0; b < branches.Count; b++)
        {
            logits = Math.Max(logits, ParityHarness.MaxAbsDiff(expected.Logits[b], actual.Logits[b]));
            alpha = Math.Max(alpha, ParityHarness.MaxAbsDiff(expected.Alpha[b], actual.Alpha[b]));
            features = Math.Max(features, ParityHarness.MaxAbsDiff(expected.Features[b], actual.Features[b]));
        }
        output.WriteLine($"parity {label}, 16 inputs: max|Δprobs| {probs:E2}, max|Δlogits| {logits:E2}, max|Δalpha| {alpha:E2}, max|Δfeatures| {features:E2}, {result.MultiplyAccumulates / 1e6:F1} MMAC/image");
        Assert.True(probs <= ProbsTolerance, $"{label}: probs differ by {probs:E2} > {ProbsTolerance:E0}");
        Assert.True(logits <= LogitsTolerance, $"{label}: logits differ by {logits:E2} > {LogitsTolerance:E0}");
        Assert.True(alpha <= ProbsTolerance, $"{label}: alpha differs by {alpha:E2}");
        Assert.True(expected.Probs.Max() - expected.Probs.Min() > 1e-3, "probabilities are degenerate; the test would prove nothing");
        return result;
    }
}
