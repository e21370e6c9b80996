using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Npa.Trainer.Torch;

/// <summary>
/// Runs a module as <c>module.call(x)</c> does, except that a TorchSharp <see cref="BatchNorm2d"/>, inside a
/// <see cref="Sequential"/> or alone, runs without the two implicit Scalars of its own forward.
/// </summary>
/// <remarks>
/// TorchSharp 0.107's <c>BatchNorm.forward</c> calls <c>num_batches_tracked.add_(1)</c>, which makes two temporary Scalars
/// (the 1 and the alpha) that the finalizer may free during the native call. BatchNorm2d is sealed, and the exporter,
/// the weight importers and the tests match on it, so the type stays and only the call is replaced. Hooks are not run
/// for the modules handled here; nothing in the trainer registers any.
/// </remarks>
internal static class ScalarFreeForward
{
    /// <summary>The module's output for <paramref name="input"/>.</summary>
    public static Tensor Run(Module<Tensor, Tensor> module, Tensor input)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(input);
        return module switch
        {
            Sequential sequence => Sequence(sequence, input),
            BatchNorm2d norm => BatchNorm(norm, input),
            _ => module.call(input),
        };
    }

    /// <summary>Sequential.forward: each child in turn, intermediate results disposed, the input never.</summary>
    private static Tensor Sequence(Sequential sequence, Tensor input)
    {
        var children = sequence.children().Cast<Module<Tensor, Tensor>>().ToList();
        if (children.Count == 0) return input.alias();
        var x = Run(children[0], input);
        for (int i = 1; i < children.Count; i++)
        {
            var next = Run(children[i], x);
            x.Dispose();
            x = next;
        }
        return x;
    }

    /// <summary>BatchNorm.forward of TorchSharp 0.107, line for line, with held Scalars for the batch count.</summary>
    private static Tensor BatchNorm(BatchNorm2d norm, Tensor input)
    {
        if (input.dim() != 4) throw new ArgumentException($"expected 4D input, but got {input.dim()}D input.", nameof(input));
        double factor = norm.momentum ?? 0.0;
        if (norm.training && norm.track_running_stats && norm.num_batches_tracked is Tensor count)
        {
            count.add_(HeldScalars.One, HeldScalars.One);
            factor = norm.momentum ?? 1.0 / count.item<long>();
        }
        bool useBatchStatistics = norm.training || (norm.running_mean is null && norm.running_var is null);
        bool useRunningStatistics = !norm.training || norm.track_running_stats;
        return functional.batch_norm(input, useRunningStatistics ? norm.running_mean : null, useRunningStatistics ? norm.running_var : null,
            norm.weight, norm.bias, useBatchStatistics, factor, norm.eps);
    }
}
