using TorchSharp;
using static TorchSharp.torch;

namespace Npa.Trainer.Models;

/// <summary>torchvision.ops.StochasticDepth in "row" mode: drops whole residual branches per sample while training.</summary>
public sealed class StochasticDepth : nn.Module<Tensor, Tensor>
{
    private readonly double _p;

    /// <summary>Creates the module with drop probability <paramref name="p"/> in [0, 1].</summary>
    public StochasticDepth(double p) : base(nameof(StochasticDepth))
    {
        if (p is < 0 or > 1 || double.IsNaN(p))
            throw new ArgumentOutOfRangeException(nameof(p), p, "Stochastic depth probability must be in [0, 1].");
        _p = p;
        RegisterComponents();
    }

    /// <summary>The drop probability.</summary>
    public double Probability => _p;

    /// <inheritdoc/>
    public override Tensor forward(Tensor input)
    {
        if (!training || _p == 0.0) return input.alias();
        using var scope = NewDisposeScope();
        var survival = 1.0 - _p;
        var shape = new long[input.dim()];
        Array.Fill(shape, 1L);
        shape[0] = input.shape[0];
        var noise = empty(shape, dtype: input.dtype, device: input.device).bernoulli_(survival);
        if (survival > 0.0)
        {
            using var divisor = survival.ToScalar();
            noise.div_(divisor);
        }
        return (input * noise).MoveToOuterDisposeScope();
    }
}
