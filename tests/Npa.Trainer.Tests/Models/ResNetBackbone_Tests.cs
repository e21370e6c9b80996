using Npa.Trainer.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Npa.Trainer.Tests.Models;

public sealed class ResNetBackbone_Tests
{
    [Theory]
    [InlineData("resnet18")]
    [InlineData("resnet50")]
    public void Same_Seed_Gives_TorchVisions_Weights_And_Trunk_Output(string name)
    {
        manual_seed(4);
        using var ours = BackboneRegistry.Create(name);
        manual_seed(4);
        using var theirs = name == "resnet18" ? torchvision.models.resnet18() : torchvision.models.resnet50();

        var theirState = theirs.state_dict();
        foreach (var (key, value) in ours.state_dict())
            Assert.True(value.equal(theirState[key]).all().item<bool>(), $"{key} differs");

        // Training mode too: the blocks and the BatchNorm path must update running statistics as TorchVision's do.
        foreach (bool training in new[] { true, false })
        {
            ours.train(training);
            theirs.train(training);
            using var scope = NewDisposeScope();
            manual_seed(9);
            var x = randn(2, 3, 64, 64);
            var expected = x;
            foreach (var (child, module) in theirs.named_children())
            {
                if (child is "avgpool" or "flatten" or "fc") break;
                expected = ((nn.Module<Tensor, Tensor>)module).call(expected);
            }
            Assert.True(ours.call(x).equal(expected).all().item<bool>(), $"output differs in {(training ? "training" : "eval")} mode");
        }
        theirState = theirs.state_dict();
        foreach (var (key, value) in ours.state_dict())
            Assert.True(value.equal(theirState[key]).all().item<bool>(), $"{key} differs after the forward passes");
    }
}
