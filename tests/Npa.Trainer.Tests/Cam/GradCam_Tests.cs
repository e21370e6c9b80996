using Npa.Trainer.Cam;
using Npa.Trainer.Tests.Export;
using TorchSharp;
using static TorchSharp.torch;

namespace Npa.Trainer.Tests.Cam;

public sealed class GradCam_Tests
{
    [Fact]
    public void Pooling_Linear_Head_Gives_ReLU_Of_Classifier_Weighted_Maps_Over_Area()
    {
        manual_seed(11);
        var branch = TestBranch.Create("branch_a", TinyNets.SeNet(8), 16);
        using var image = randn(1, 3, 32, 32);
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var features = branch.Backbone.call(image)[0];
        long h = features.shape[1], w = features.shape[2];
        // The class whose map has positive evidence somewhere (SeNet ends in a sigmoid, so some classes are all negative).
        int cls = Enumerable.Range(0, 8).First(c => (branch.Fc.weight![c].reshape(-1, 1, 1) * features).sum(dim: 0L).max().item<float>() > 0);
        var expected = nn.functional.relu((branch.Fc.weight![cls].reshape(-1, 1, 1) * features).sum(dim: 0L) / (h * w));
        var map = GradCam.Compute(x => Forward(branch, x), image, classIndex: cls);
        Assert.Equal(cls, map.ClassIndex);
        Assert.Equal((int)h, map.Height);
        Assert.Equal((int)w, map.Width);
        float[] e = expected.contiguous().data<float>().ToArray();
        Assert.True(e.Length == (int)(h * w) && e.Any(v => v > 0), $"reference map has {e.Length} values, max {e.DefaultIfEmpty().Max()}");
        for (int i = 0; i < e.Length; i++) Assert.Equal(e[i], map.Values[i], 1e-5f);
    }

    [Fact]
    public void No_Class_Given_Explains_The_ArgMax_Logit()
    {
        manual_seed(12);
        var branch = TestBranch.Create("branch_a", TinyNets.SeNet(8), 16);
        using var image = randn(1, 3, 32, 32);
        var map = GradCam.Compute(x => Forward(branch, x), image);
        using var noGrad = no_grad();
        using var logits = branch.Fc.call(branch.Backbone.call(image).mean([2, 3]));
        Assert.Equal((int)logits.argmax(1).item<long>(), map.ClassIndex);
    }

    [Fact]
    public void Batch_Of_Two_Is_Refused_Clearly()
    {
        var branch = TestBranch.Create("branch_a", TinyNets.SeNet(4), 8);
        using var images = randn(2, 3, 32, 32);
        var ex = Assert.Throws<ArgumentException>(() => GradCam.Compute(x => Forward(branch, x), images));
        Assert.Contains("one image [1,3,H,W], got [2,3,32,32]", ex.Message, StringComparison.Ordinal);
    }

    internal static (Tensor Features, Tensor Logits) Forward(TestBranch branch, Tensor x)
    {
        var features = branch.Backbone.call(x);
        return (features, branch.Fc.call(features.mean([2, 3])));
    }
}
