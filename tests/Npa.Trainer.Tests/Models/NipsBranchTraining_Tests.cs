using Npa.Trainer.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Npa.Trainer.Tests.Models;

public class NipsBranchTraining_Tests
{
    [Fact]
    public void Loss_Gradients_Reach_Both_Trunks_And_Both_Heads()
    {
        using var net = new SiameseNetwork(new NetworkSpec("resnet18", "efficientnet_v2_t", ClassCount: 8, InputSize: 64));
        net.train();
        using var scope = NewDisposeScope();
        using var output = net.call(randn(4, 3, 64, 64));
        var labels = tensor(new long[] { 0, 3, 5, 7 });
        var loss = output.Branches.Select(b => nn.functional.cross_entropy(b.Logits * b.Alpha, labels)).Aggregate((a, b) => a + b);
        loss.backward();

        var grads = net.named_parameters().ToDictionary(p => p.name, p => p.parameter.grad);
        foreach (var key in new[]
                 {
                     "branch_a.backbone.conv1.weight", "branch_a.fc.weight", "branch_a.alpha.weight",
                     "branch_b.backbone.features.0.0.weight", "branch_b.fc.weight", "branch_b.alpha.weight",
                 })
        {
            Assert.NotNull(grads[key]);
            Assert.True(grads[key]!.abs().sum().item<float>() > 0, $"{key} got no gradient");
        }
    }

    [Fact]
    public void Forward_Leaves_No_Live_Tensors_Behind_Once_The_Output_Is_Disposed()
    {
        using var net = new SiameseNetwork(new NetworkSpec("resnet18", "efficientnet_v2_t", ClassCount: 8, InputSize: 64));
        net.eval();
        using var input = randn(2, 3, 64, 64);
        // Warm up once so lazily created state does not count.
        using (net.ForwardWithFeatures(input)) { }
        var before = DisposeScopeManager.Statistics.ThreadTotalLiveCount;

        using (no_grad())
        {
            using (net.call(input)) { }
            using (var withFeatures = net.ForwardWithFeatures(input))
            using (var fused = withFeatures.FusedProbabilities())
            using (var alpha = withFeatures.FusedAlpha())
            {
                Assert.Equal(new long[] { 2, 8 }, fused.shape);
            }
        }

        Assert.Equal(before, DisposeScopeManager.Statistics.ThreadTotalLiveCount);
    }
}
