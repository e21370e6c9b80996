using Npa.Trainer.Torch;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Npa.Trainer.Models;

/// <summary>torchvision's FusedMBConv: a full k×k expansion conv (or a single conv when not expanding), then a 1×1 projection.</summary>
public sealed class FusedMBConv : Module<Tensor, Tensor>
{
#pragma warning disable IDE1006 // Field names are the state_dict keys (torchvision's).
    private readonly Sequential block;
    private readonly StochasticDepth stochastic_depth;
#pragma warning restore IDE1006
    private readonly bool _useResidual;

    /// <summary>Creates the block from its stage config and the input channels/stride of this block.</summary>
    public FusedMBConv(MBConvConfig config, int inputChannels, int stride, double stochasticDepthProb) : base(nameof(FusedMBConv))
    {
        ArgumentNullException.ThrowIfNull(config);
        _useResidual = stride == 1 && inputChannels == config.OutChannels;
        var expanded = config.ExpandedChannels(inputChannels);
        block = expanded != inputChannels
            ? Sequential(
                ConvNormActivation.Create(inputChannels, expanded, config.Kernel, stride),
                ConvNormActivation.Create(expanded, config.OutChannels, 1, activation: false))
            : Sequential(ConvNormActivation.Create(inputChannels, config.OutChannels, config.Kernel, stride));
        stochastic_depth = new StochasticDepth(stochasticDepthProb);
        RegisterComponents();
    }

    /// <inheritdoc/>
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var result = ScalarFreeForward.Run(block, input);
        if (_useResidual) result = stochastic_depth.call(result).add(input, HeldScalars.One);
        return result.MoveToOuterDisposeScope();
    }
}
