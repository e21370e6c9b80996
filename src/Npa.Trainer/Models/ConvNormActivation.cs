using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Npa.Trainer.Models;

/// <summary>torchvision's Conv2dNormActivation: a Sequential of conv (no bias), BatchNorm (eps 1e-3) and optional SiLU.</summary>
public static class ConvNormActivation
{
    /// <summary>BatchNorm epsilon torchvision uses for EfficientNet-V2.</summary>
    public const double BatchNormEps = 1e-3;

    /// <summary>Builds the block; padding is (kernel-1)/2 as in torchvision, so keys are "0.weight", "1.weight" ….</summary>
    public static Sequential Create(long inChannels, long outChannels, long kernelSize, long stride = 1, long groups = 1, bool activation = true)
    {
        var conv = Conv2d(inChannels, outChannels, kernel_size: kernelSize, stride: stride, padding: (kernelSize - 1) / 2, groups: groups, bias: false);
        var norm = BatchNorm2d(outChannels, eps: BatchNormEps);
        return activation ? Sequential(conv, norm, SiLU()) : Sequential(conv, norm);
    }
}
