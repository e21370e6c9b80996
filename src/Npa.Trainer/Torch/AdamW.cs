using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Npa.Trainer.Torch;

/// <summary>TorchSharp's AdamW with the same update, state and checkpoint format, but a step that makes no finalizable Scalar.</summary>
/// <remarks>
/// <para>
/// TorchSharp 0.107's <c>AdamW.step</c> passes seven implicit <c>double → Scalar</c> temporaries per parameter
/// (<c>mul_(1 − lr·wd)</c>, <c>mul_(β)</c>, <c>add_(g, alpha: 1 − β1)</c>, <c>addcmul_(…, 1 − β2)</c>, <c>/ √bc2</c>,
/// <c>add_(ε)</c>, <c>addcdiv_(…, −lr/bc1)</c>), any of which the finalizer thread may free during the native call. This
/// step performs the same operations in the same order on Scalars that outlive them.</para>
/// <para>The class keeps the name AdamW: TorchSharp writes the optimizer's class name into optimizer.bin and refuses
/// to load a file written under another name, so checkpoints stay interchangeable with TorchSharp's AdamW.</para>
/// </remarks>
public sealed class AdamW : TorchSharp.Modules.AdamW
{
    /// <summary>AdamW over <paramref name="parameters"/>; the defaults are <c>torch.optim.AdamW</c>'s.</summary>
    public AdamW(IEnumerable<Parameter> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8,
        double weightDecay = 0, bool amsgrad = false, bool maximize = false)
        : base(parameters, lr, beta1, beta2, eps, weightDecay, amsgrad, maximize)
    {
    }

    /// <inheritdoc/>
    public override Tensor step(Func<Tensor>? closure = null) => _step<ParamGroup>(Update, closure);

    private void Update(ParamGroup group)
    {
        var options = (Options)group.Options;
        double beta1 = options.beta1!.Value, beta2 = options.beta2!.Value, lr = options.LearningRate!.Value;
        bool amsgrad = options.amsgrad!.Value, maximize = options.maximize!.Value;
        using var decay = (1 - lr * options.weight_decay!.Value).ToScalar();
        using var beta1Scalar = beta1.ToScalar();
        using var oneMinusBeta1 = (1 - beta1).ToScalar();
        using var beta2Scalar = beta2.ToScalar();
        using var oneMinusBeta2 = (1 - beta2).ToScalar();
        using var eps = options.eps!.Value.ToScalar();
        foreach (var param in group.Parameters)
        {
            var state = (State)_state[param.Handle];
            var grad = param.grad;
            if (grad is null) continue;
            if (maximize) grad = -grad;
            state.step += 1;
            param.mul_(decay);
            double biasCorrection1 = 1 - Math.Pow(beta1, state.step);
            double biasCorrection2 = 1 - Math.Pow(beta2, state.step);
            state.exp_avg.mul_(beta1Scalar).add_(grad, oneMinusBeta1);
            state.exp_avg_sq.mul_(beta2Scalar).addcmul_(grad, grad, oneMinusBeta2);
            if (amsgrad)
            {
                var previous = state.max_exp_avg_sq;
                state.max_exp_avg_sq = maximum(previous, state.exp_avg_sq).DetachFromDisposeScope();
                previous.Dispose();
            }
            using var sqrtBiasCorrection2 = Math.Sqrt(biasCorrection2).ToScalar();
            using var stepSize = (-(lr / biasCorrection1)).ToScalar();
            var denom = (amsgrad ? state.max_exp_avg_sq : state.exp_avg_sq).sqrt().div_(sqrtBiasCorrection2).add_(eps, HeldScalars.One);
            param.addcdiv_(state.exp_avg, denom, stepSize);
        }
    }
}
