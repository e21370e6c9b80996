using TorchSharp;
using static TorchSharp.torch;

namespace Npa.Trainer.Losses;

/// <summary>Eq. 4: cross-entropy on a branch's logits multiplied by its per-sample uncertainty weight α.</summary>
public static class AlphaWeightedCrossEntropy
{
    /// <summary>
    /// Mean over the batch of CE(α_i·z_i, y_i). <paramref name="logits"/> is [N,C], <paramref name="alpha"/> is [N,1]
    /// or [N], <paramref name="targets"/> is int64 [N]. Gradients flow into both logits and α.
    /// </summary>
    public static Tensor Compute(Tensor logits, Tensor alpha, Tensor targets)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(alpha);
        ArgumentNullException.ThrowIfNull(targets);
        if (logits.dim() != 2) throw new ArgumentException($"logits must be [N,C], got [{string.Join(",", logits.shape)}]", nameof(logits));
        long n = logits.shape[0];
        if (alpha.numel() != n) throw new ArgumentException($"alpha must hold one value per sample ({n}), got {alpha.numel()}", nameof(alpha));
        if (targets.numel() != n) throw new ArgumentException($"targets must hold {n} labels, got {targets.numel()}", nameof(targets));
        using var scope = NewDisposeScope();
        var scaled = logits * alpha.reshape(n, 1);
        return nn.functional.cross_entropy(scaled, targets.reshape(n)).MoveToOuterDisposeScope();
    }
}
