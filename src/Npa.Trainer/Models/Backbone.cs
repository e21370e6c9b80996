using TorchSharp;
using static TorchSharp.torch;

namespace Npa.Trainer.Models;

/// <summary>A convolutional trunk that maps images [N,3,H,W] to its last feature map [N,F,h,w], before pooling.</summary>
public abstract class Backbone : nn.Module<Tensor, Tensor>
{
    /// <summary>Creates the trunk; <paramref name="name"/> is the registry name.</summary>
    protected Backbone(string name) : base(name)
    {
    }

    /// <summary>The registry name this trunk was created under.</summary>
    public string BackboneName => GetName();

    /// <summary>Channels F of the feature map, i.e. the pooled feature width.</summary>
    public abstract int FeatureCount { get; }
}
