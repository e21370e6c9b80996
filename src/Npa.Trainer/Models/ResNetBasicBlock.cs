using Npa.Trainer.Torch;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Npa.Trainer.Models;

/// <summary>torchvision's ResNet BasicBlock (two 3×3 convs, identity or projected shortcut).</summary>
/// <remarks>
/// TorchVision for .NET's own BasicBlock adds the shortcut with <c>add_(identity)</c>, an implicit Scalar the finalizer
/// may free mid-call; this one adds it with a held Scalar, and also builds other depths such as [2,2,2,3].
/// </remarks>
public sealed class ResNetBasicBlock : Module<Tensor, Tensor>
{
#pragma warning disable IDE1006, CA1051 // Field names are the state_dict keys (torchvision's).
    private readonly Module<Tensor, Tensor> conv1;
    private readonly Module<Tensor, Tensor> bn1;
    private readonly Module<Tensor, Tensor> conv2;
    private readonly Module<Tensor, Tensor> bn2;
    private readonly Module<Tensor, Tensor>? downsample;
#pragma warning restore IDE1006, CA1051

    /// <summary>Creates a block from <paramref name="inPlanes"/> to <paramref name="planes"/> channels.</summary>
    public ResNetBasicBlock(int inPlanes, int planes, int stride, Module<Tensor, Tensor>? downsample,
        Func<int, Module<Tensor, Tensor>>? normLayer = null) : base(nameof(ResNetBasicBlock))
    {
        normLayer ??= c => BatchNorm2d(c);
        conv1 = Conv2d(inPlanes, planes, kernel_size: 3, stride: stride, padding: 1, bias: false);
        bn1 = normLayer(planes);
        conv2 = Conv2d(planes, planes, kernel_size: 3, stride: 1, padding: 1, bias: false);
        bn2 = normLayer(planes);
        this.downsample = downsample;
        RegisterComponents();
    }

    /// <inheritdoc/>
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = functional.relu(ScalarFreeForward.Run(bn1, conv1.call(input)));
        x = ScalarFreeForward.Run(bn2, conv2.call(x));
        var identity = downsample is null ? input : ScalarFreeForward.Run(downsample, input);
        return functional.relu(x.add(identity, HeldScalars.One)).MoveToOuterDisposeScope();
    }
}
