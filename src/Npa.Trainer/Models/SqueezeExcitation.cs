using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Npa.Trainer.Models;

/// <summary>torchvision's SqueezeExcitation with SiLU inside and a sigmoid gate (keys fc1, fc2).</summary>
public sealed class SqueezeExcitation : Module<Tensor, Tensor>
{
#pragma warning disable IDE1006 // Field names are the state_dict keys (torchvision's).
    private readonly Module<Tensor, Tensor> fc1;
    private readonly Module<Tensor, Tensor> fc2;
#pragma warning restore IDE1006

    /// <summary>Creates the gate over <paramref name="inputChannels"/> with a bottleneck of <paramref name="squeezeChannels"/>.</summary>
    public SqueezeExcitation(long inputChannels, long squeezeChannels) : base(nameof(SqueezeExcitation))
    {
        fc1 = Conv2d(inputChannels, squeezeChannels, kernel_size: 1);
        fc2 = Conv2d(squeezeChannels, inputChannels, kernel_size: 1);
        RegisterComponents();
    }

    /// <inheritdoc/>
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var scale = functional.adaptive_avg_pool2d(input, [1, 1]);
        scale = functional.sigmoid(fc2.call(functional.silu(fc1.call(scale))));
        return (scale * input).MoveToOuterDisposeScope();
    }
}
