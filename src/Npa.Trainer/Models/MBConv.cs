using Npa.Trainer.Torch;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Npa.Trainer.Models;

/// <summary>torchvision's MBConv: 1×1 expansion, depthwise k×k, squeeze-excitation, 1×1 projection, residual with stochastic depth.</summary>
public sealed class MBConv : Module<Tensor, Tensor>
{
#pragma warning disable IDE1006 // Field names are the state_dict keys (torchvision's).
    private readonly Sequential block;
    private readonly StochasticDepth stochastic_depth;
#pragma warning restore IDE1006
    private readonly bool _useResidual;

    /// <summary>Creates the block from its stage config and the input channels/stride of this block.</summary>
    public MBConv(MBConvConfig config, int inputChannels, int stride, double stochasticDepthProb) : base(nameof(MBConv))
    {
        ArgumentNullException.ThrowIfNull(config);
        _useResidual = stride == 1 && inputChannels == config.OutChannels;
        var expanded = config.ExpandedChannels(inputChannels);
        var layers = new List<Module<Tensor, Tensor>>();
        if (expanded != inputChannels) layers.Add(ConvNormActivation.Create(inputChannels, expanded, 1));
        layers.Add(ConvNormActivation.Create(expanded, expanded, config.Kernel, stride, groups: expanded));
        layers.Add(new SqueezeExcitation(expanded, Math.Max(1, inputChannels / 4)));
        layers.Add(ConvNormActivation.Create(expanded, config.OutChannels, 1, activation: false));
        block = Sequential(layers);
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
