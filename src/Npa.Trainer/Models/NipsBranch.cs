using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Npa.Trainer.Models;

/// <summary>One branch: backbone → global average pool → dropout → classifier "fc", plus the uncertainty head α = sigmoid("alpha"(features)).</summary>
public sealed class NipsBranch : Module<Tensor, BranchOutput>
{
#pragma warning disable IDE1006 // Field names are the state_dict keys.
    private readonly Backbone backbone;
    private readonly Module<Tensor, Tensor> dropout;
    private readonly Module<Tensor, Tensor> fc;
    private readonly Module<Tensor, Tensor> alpha;
#pragma warning restore IDE1006

    /// <summary>Creates a branch over <paramref name="backbone"/> (which it then owns).</summary>
    public NipsBranch(Backbone backbone, int classCount, double dropoutProbability = 0.1) : base(nameof(NipsBranch))
    {
        ArgumentNullException.ThrowIfNull(backbone);
        if (classCount < 2) throw new ArgumentOutOfRangeException(nameof(classCount), classCount, "A classifier needs at least 2 classes.");
        this.backbone = backbone;
        dropout = Dropout(dropoutProbability);
        fc = Linear(backbone.FeatureCount, classCount);
        alpha = Linear(backbone.FeatureCount, 1);
        ClassCount = classCount;
        RegisterComponents();
    }

    /// <summary>The trunk, e.g. for loading pretrained weights into it.</summary>
    public Backbone Backbone => backbone;

    /// <summary>Classes C of the classifier.</summary>
    public int ClassCount { get; }

    /// <inheritdoc/>
    public override BranchOutput forward(Tensor input) => Run(input, returnFeatures: false);

    /// <summary>Runs the branch and also returns its last feature map (for CAM).</summary>
    public BranchOutput ForwardWithFeatures(Tensor input) => Run(input, returnFeatures: true);

    private BranchOutput Run(Tensor input, bool returnFeatures)
    {
        using var scope = NewDisposeScope();
        var features = backbone.call(input);
        var pooled = functional.adaptive_avg_pool2d(features, [1, 1]).flatten(1);
        // Both heads read the dropped-out features, as SCN (which the paper builds on) does.
        var dropped = dropout.call(pooled);
        var logits = fc.call(dropped);
        var a = functional.sigmoid(alpha.call(dropped));
        logits.MoveToOuterDisposeScope();
        a.MoveToOuterDisposeScope();
        if (returnFeatures) features.MoveToOuterDisposeScope();
        return new BranchOutput(logits, a, returnFeatures ? features : null);
    }
}
