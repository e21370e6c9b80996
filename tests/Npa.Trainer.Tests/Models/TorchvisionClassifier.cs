using Npa.Trainer.Models;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Npa.Trainer.Tests.Models;

/// <summary>A backbone with torchvision's own 1000-class head ("fc" for ResNets, "classifier" for EfficientNets), so keys and outputs compare one for one.</summary>
internal sealed class TorchvisionClassifier : Module<Tensor, Tensor>
{
    private readonly Backbone _backbone;
    private readonly Module<Tensor, Tensor> _head;

    public TorchvisionClassifier(Backbone backbone, int classes = 1000) : base("TorchvisionClassifier")
    {
        _backbone = backbone;
        foreach (var (name, child) in backbone.named_children()) register_module(name, child);
        if (backbone is EfficientNetV2)
        {
            _head = Sequential(Dropout(0.2), Linear(backbone.FeatureCount, classes));
            register_module("classifier", _head);
        }
        else
        {
            _head = Linear(backbone.FeatureCount, classes);
            register_module("fc", _head);
        }
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var pooled = functional.adaptive_avg_pool2d(_backbone.call(input), [1, 1]).flatten(1);
        return _head.call(pooled).MoveToOuterDisposeScope();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _backbone.Dispose();
            _head.Dispose();
        }

        base.Dispose(disposing);
    }
}
