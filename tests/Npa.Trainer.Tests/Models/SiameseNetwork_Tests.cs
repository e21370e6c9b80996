using Npa.Trainer.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Npa.Trainer.Tests.Models;

public class SiameseNetwork_Tests
{
    private static readonly NetworkSpec SmallPair = new("resnet18", "efficientnet_v2_t", ClassCount: 8, InputSize: 64);

    [Fact]
    public void Heterogeneous_Pair_Gives_Logits_Alpha_And_Probabilities_Per_Branch()
    {
        using var net = new SiameseNetwork(SmallPair);
        net.eval();
        using var scope = NewDisposeScope();
        using var output = net.call(randn(3, 3, 64, 64));

        Assert.Equal(2, output.Branches.Count);
        foreach (var branch in output.Branches)
        {
            Assert.Equal(new long[] { 3, 8 }, branch.Logits.shape);
            Assert.Equal(new long[] { 3, 1 }, branch.Alpha.shape);
            Assert.True(branch.Alpha.gt(0).all().item<bool>() && branch.Alpha.lt(1).all().item<bool>());
            Assert.Null(branch.Features);
            var sums = branch.Probabilities().sum(1);
            Assert.True(sums.allclose(ones(3), rtol: 0, atol: 1e-5));
        }
    }

    [Fact]
    public void Probabilities_Are_Softmax_Of_Alpha_Scaled_Logits_And_Fused_Is_Their_Mean()
    {
        using var scope = NewDisposeScope();
        var a = new BranchOutput(tensor(new float[] { 2f, 0f, -1f }).reshape(1, 3), tensor(new float[] { 0.5f }).reshape(1, 1), null);
        var b = new BranchOutput(tensor(new float[] { 0f, 3f, 0f }).reshape(1, 3), tensor(new float[] { 1f }).reshape(1, 1), null);
        var output = new SiameseOutput(a, b);

        // Hand computation: softmax([1, 0, -0.5]) and softmax([0, 3, 0]).
        double[] pa = Softmax([1.0, 0.0, -0.5]);
        double[] pb = Softmax([0.0, 3.0, 0.0]);
        var fused = output.FusedProbabilities().data<float>().ToArray();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(pa[i], a.Probabilities()[0, i].item<float>(), 5);
            Assert.Equal((pa[i] + pb[i]) / 2, fused[i], 5);
        }

        Assert.Equal(0.5f, output.FusedAlpha().item<float>(), 6);
    }

    [Fact]
    public void Single_Branch_Mode_Fuses_To_Its_Own_Prediction()
    {
        using var net = new SiameseNetwork(new NetworkSpec("efficientnet_v2_t", null, ClassCount: 5, InputSize: 64));
        net.eval();
        using var scope = NewDisposeScope();
        using var output = net.call(randn(2, 3, 64, 64));

        Assert.Null(output.B);
        Assert.Single(net.Branches);
        Assert.True(output.FusedProbabilities().allclose(output.A.Probabilities()));
        Assert.True(output.FusedAlpha().allclose(output.A.Alpha));
        Assert.DoesNotContain(net.state_dict().Keys, k => k.StartsWith("branch_b.", StringComparison.Ordinal));
    }

    [Fact]
    public void ForwardWithFeatures_Returns_Each_Branch_Feature_Map()
    {
        using var net = new SiameseNetwork(SmallPair);
        net.eval();
        using var scope = NewDisposeScope();
        using var output = net.ForwardWithFeatures(randn(1, 3, 64, 64));

        Assert.Equal(new long[] { 1, 512, 2, 2 }, output.A.Features!.shape);
        Assert.Equal(new long[] { 1, 640, 2, 2 }, output.B!.Features!.shape);
    }

    [Fact]
    public void State_Dict_Names_Branches_Heads_And_Torchvision_Trunks()
    {
        using var net = new SiameseNetwork(SmallPair);
        var keys = net.state_dict().Keys.ToHashSet();

        Assert.Contains("branch_a.backbone.conv1.weight", keys);
        Assert.Contains("branch_a.backbone.layer4.1.bn2.running_var", keys);
        Assert.Contains("branch_b.backbone.features.0.0.weight", keys);
        foreach (var branch in new[] { "branch_a", "branch_b" })
        {
            Assert.Contains($"{branch}.fc.weight", keys);
            Assert.Contains($"{branch}.alpha.weight", keys);
        }

        Assert.Equal(new long[] { 8, 512 }, net.state_dict()["branch_a.fc.weight"].shape);
        Assert.Equal(new long[] { 1, 640 }, net.state_dict()["branch_b.alpha.weight"].shape);
    }

    [Fact]
    public void Homogeneous_Pair_Shares_No_Weights()
    {
        using var net = new SiameseNetwork(new NetworkSpec("efficientnet_v2_t", "efficientnet_v2_t", InputSize: 64));
        var a = net.BranchA.parameters().ToList();
        var b = net.BranchB!.parameters().ToList();

        Assert.Equal(a.Count, b.Count);
        Assert.DoesNotContain(a, p => b.Any(q => q.Handle == p.Handle));
        Assert.False(a[0].allclose(b[0]));
    }

    [Fact]
    public void CloneArchitecture_Gives_An_Independent_Network_With_The_Same_Keys()
    {
        using var net = new SiameseNetwork(SmallPair);
        using var clone = net.CloneArchitecture();

        Assert.Equal(net.Spec, clone.Spec);
        Assert.Equal(net.state_dict().Keys, clone.state_dict().Keys);
        Assert.Equal(net.state_dict().Values.Select(t => t.shape), clone.state_dict().Values.Select(t => t.shape));
        Assert.NotEqual(net.parameters().First().Handle, clone.parameters().First().Handle);
    }

    [Theory]
    [InlineData("resnet9000", "efficientnet_v2_t", 8, 0.1, 64, "Unknown backbone 'resnet9000'")]
    [InlineData("resnet18", "vgg", 8, 0.1, 64, "Unknown backbone 'vgg'")]
    [InlineData("resnet18", null, 1, 0.1, 64, "ClassCount must be at least 2")]
    [InlineData("resnet18", null, 8, 1.0, 64, "Dropout must be in [0, 1)")]
    [InlineData("resnet18", null, 8, 0.1, 8, "InputSize must be between 32 and 1024")]
    public void Invalid_Spec_Gives_A_Clear_Error(string a, string? b, int classes, double dropout, int size, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => new SiameseNetwork(new NetworkSpec(a, b, classes, dropout, size)));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    private static double[] Softmax(double[] x)
    {
        var e = x.Select(Math.Exp).ToArray();
        return [.. e.Select(v => v / e.Sum())];
    }
}
