using Npa.Trainer.Models;
using Npa.Trainer.Pretrained;
using Npa.Trainer.Training;
using Npa.Trainer.Training.Options;
using TorchSharp;
using static TorchSharp.torch;

namespace Npa.Trainer.Tests.Training;

public sealed class BranchWeights_Tests
{
    private static readonly NetworkSpec Spec = new("resnet18", "resnet18", 8, 0.1, 32);

    [Fact]
    public void Safetensors_File_Fills_Only_The_Named_Branch()
    {
        string path = Path.Combine(Path.GetTempPath(), $"weights-{Guid.NewGuid():N}.safetensors");
        try
        {
            torch.manual_seed(1);
            using var source = new SiameseNetwork(Spec);
            StateDictFile.Write(path, TorchStateDictOrder.Entries(source.BranchA.Backbone));
            torch.manual_seed(2);
            using var target = new SiameseNetwork(Spec);
            var results = BranchWeights.Load(target, new ModelOptions { BranchA = "resnet18", BranchB = "resnet18", PretrainedA = path });
            Assert.Single(results);
            Tensor W(SiameseNetwork n, string key) => n.named_parameters().Single(p => p.name == key).parameter;
            Assert.True(W(target, "branch_a.backbone.conv1.weight").allclose(W(source, "branch_a.backbone.conv1.weight"), 0, 0));
            Assert.False(W(target, "branch_b.backbone.conv1.weight").allclose(W(source, "branch_b.backbone.conv1.weight"), 0, 0));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void MlNet_Weights_Need_Their_Backbone_And_Normalization()
    {
        var config = new TrainConfig { Model = new ModelOptions { BranchA = "resnet34", PretrainedA = "mlnet_resnet18" } };
        var e = Assert.Throws<TrainConfigException>(() => config.Validate());
        Assert.Contains("model.pretrained_a: mlnet_resnet18 weights fit backbone resnet18_mlnet or resnet18, not 'resnet34'", e.Message, StringComparison.Ordinal);
        Assert.Contains("data.normalization: the mlnet_resnet18 weights expect BGR", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_Weights_File_Is_Named()
    {
        var config = new TrainConfig { Model = new ModelOptions { PretrainedB = "/nowhere/b.pt" } };
        var e = Assert.Throws<TrainConfigException>(() => config.Validate());
        Assert.Contains("model.pretrained_b: file not found: /nowhere/b.pt", e.Message, StringComparison.Ordinal);
    }
}
