using Npa.Trainer.Models;
using Npa.Trainer.Pretrained;
using Npa.Trainer.Training.Options;

namespace Npa.Trainer.Training;

/// <summary>Loads the configured pretrained weights into a network's backbones before training.</summary>
public static class BranchWeights
{
    /// <summary>Value of <c>model.pretrained_a/b</c> that imports the ImageNet weights of NuGet Microsoft.ML.DnnImageFeaturizer.ResNet18.</summary>
    public const string MlNet = "mlnet_resnet18";

    /// <summary>Fills branch A and B backbones from <paramref name="model"/>'s pretrained paths (null: keep the fresh initialisation).</summary>
    public static IReadOnlyList<PretrainedLoadResult> Load(SiameseNetwork network, ModelOptions model)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(model);
        var results = new List<PretrainedLoadResult>();
        if (model.PretrainedA is string a) results.Add(LoadOne(network.BranchA, a));
        if (model.PretrainedB is string b)
        {
            if (network.BranchB is null) throw new TrainConfigException("model.pretrained_b is set but the network has no branch B");
            results.Add(LoadOne(network.BranchB, b));
        }
        return results;
    }

    private static PretrainedLoadResult LoadOne(NipsBranch branch, string source) =>
        source == MlNet ? MlNetResNet18Importer.ImportInto(branch.Backbone) : PretrainedWeights.LoadInto(branch.Backbone, source);
}
