using Npa.Trainer.Torch;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Npa.Trainer.Models;

/// <summary>torchvision's ResNet Bottleneck (1×1 → 3×3 → 1×1, expansion 4, identity or projected shortcut).</summary>
/// <remarks>
/// TorchVision for .NET's own Bottleneck adds the shortcut with <c>add_(identity)</c>, an implicit Scalar the finalizer
/// may free mid-call. The class keeps torchvision's name because the ONNX exporter finds residual blocks by class name.
/// </remarks>
public sealed class Bottleneck : Module<Tensor, Tensor>
{
    /// <summary>Output channels per <c>planes</c>.</summary>
    public const int Expansion = 4;

#pragma warning disable IDE1006, CA1051 // Field names are the state_dict keys (torchvision's).
    private readonly Module<Tensor, Tensor> conv1;
    private readonly Module<Tensor, Tensor> bn1;
    private readonly Module<Tensor, Tensor> conv2;
    private readonly Module<Tensor, Tensor> bn2;
    private readonly Module<Tensor, Tensor> conv3;
    private readonly Module<Tensor, Tensor> bn3;
    private readonly Module<Tensor, Tensor>? downsample;
#pragma warning restore IDE1006, CA1051

    /// <summary>Creates a block from <paramref name="inPlanes"/> to <paramref name="planes"/>·4 channels, in torchvision's order.</summary>
    public Bottleneck(int inPlanes, int planes, int stride, Module<Tensor, Tensor>? downsample, int groups = 1, int baseWidth = 64,
        int dilation = 1, Func<int, Module<Tensor, Tensor>>? normLayer = null) : base(nameof(Bottleneck))
    {
        normLayer ??= c => BatchNorm2d(c);
        int width = (int)(planes * (baseWidth / 64.0)) * groups;
        conv1 = Conv2d(inPlanes, width, kernel_size: 1, bias: false);
        bn1 = normLayer(width);
        conv2 = Conv2d(width, width, kernel_size: 3, stride: stride, padding: dilation, dilation: dilation, groups: groups, bias: false);
        bn2 = normLayer(width);
        conv3 = Conv2d(width, planes * Expansion, kernel_size: 1, bias: false);
        bn3 = normLayer(planes * Expansion);
        this.downsample = downsample;
        RegisterComponents();
    }

    /// <inheritdoc/>
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = functional.relu(ScalarFreeForward.Run(bn1, conv1.call(input)));
        x = functional.relu(ScalarFreeForward.Run(bn2, conv2.call(x)));
        x = ScalarFreeForward.Run(bn3, conv3.call(x));
        var identity = downsample is null ? input : ScalarFreeForward.Run(downsample, input);
        return functional.relu(x.add(identity, HeldScalars.One)).MoveToOuterDisposeScope();
    }
}
