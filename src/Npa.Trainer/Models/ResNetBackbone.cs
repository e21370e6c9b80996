using Npa.Trainer.Torch;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;
using TvResNet = TorchSharp.Modules.ResNet;

namespace Npa.Trainer.Models;

/// <summary>A TorchVision for .NET ResNet without its pooling and classifier; keys follow torchvision (conv1 … layer4).</summary>
/// <remarks>
/// The trunk is TorchVision's ResNet built with our <see cref="ResNetBasicBlock"/> and <see cref="Bottleneck"/>, whose
/// forward makes no implicit Scalar. They create their layers in TorchVision's order, so a seed gives the same weights.
/// </remarks>
public sealed class ResNetBackbone : Backbone
{
#pragma warning disable IDE1006 // Field names are the state_dict keys (torchvision's).
    private readonly Module<Tensor, Tensor> conv1;
    private readonly Module<Tensor, Tensor> bn1;
    private readonly Module<Tensor, Tensor> relu;
    private readonly Module<Tensor, Tensor> maxpool;
    private readonly Module<Tensor, Tensor> layer1;
    private readonly Module<Tensor, Tensor> layer2;
    private readonly Module<Tensor, Tensor> layer3;
    private readonly Module<Tensor, Tensor> layer4;
#pragma warning restore IDE1006

    private ResNetBackbone(string name, TvResNet resnet, int featureCount) : base(name)
    {
        // Take the trunk's children out of torchvision's module; its avgpool/flatten/fc are not part of a backbone.
        var children = resnet.named_children().ToDictionary(c => c.name, c => (Module<Tensor, Tensor>)c.module);
        conv1 = children["conv1"];
        bn1 = children["bn1"];
        relu = children["relu"];
        maxpool = children["maxpool"];
        layer1 = children["layer1"];
        layer2 = children["layer2"];
        layer3 = children["layer3"];
        layer4 = children["layer4"];
        foreach (var unused in new[] { "avgpool", "flatten", "fc" })
        {
            if (children.TryGetValue(unused, out var m)) m.Dispose();
        }

        FeatureCount = featureCount;
        RegisterComponents();
    }

    /// <inheritdoc/>
    public override int FeatureCount { get; }

    /// <summary>torchvision resnet18: BasicBlock [2,2,2,2], 512 features.</summary>
    public static ResNetBackbone ResNet18() => new("resnet18", WithBasicBlocks("ResNet18", [2, 2, 2, 2]), 512);

    /// <summary>torchvision resnet34: BasicBlock [3,4,6,3], 512 features.</summary>
    public static ResNetBackbone ResNet34() => new("resnet34", WithBasicBlocks("ResNet34", [3, 4, 6, 3]), 512);

    /// <summary>torchvision resnet50: Bottleneck [3,4,6,3], 2048 features.</summary>
    public static ResNetBackbone ResNet50() => new("resnet50", new TvResNet("ResNet50",
        (inPlanes, planes, stride, downsample, groups, baseWidth, dilation, normLayer) =>
            new Bottleneck(inPlanes, planes, stride, downsample, groups, baseWidth, dilation, normLayer),
        Bottleneck.Expansion, [3, 4, 6, 3]), 2048);

    /// <summary>The ResNet with BasicBlocks [2,2,2,3] that ML.NET's DnnImageFeaturizer.ResNet18 ships; 512 features.</summary>
    public static ResNetBackbone ResNet18MlNet() => new("resnet18_mlnet", WithBasicBlocks("ResNet18MlNet", [2, 2, 2, 3]), 512);

    private static TvResNet WithBasicBlocks(string name, int[] layers) => new(name,
        (inPlanes, planes, stride, downsample, _, _, _, normLayer) => new ResNetBasicBlock(inPlanes, planes, stride, downsample, normLayer),
        1, layers);

    /// <inheritdoc/>
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = maxpool.call(relu.call(ScalarFreeForward.Run(bn1, conv1.call(input))));
        x = layer4.call(layer3.call(layer2.call(layer1.call(x))));
        return x.MoveToOuterDisposeScope();
    }
}
