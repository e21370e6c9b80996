using Npa.Trainer.Torch;
using static TorchSharp.torch;

namespace Npa.Trainer.Losses;

/// <summary>
/// Co-teaching (Han et al., 2018): each branch picks the <c>keep</c> fraction of the batch with its smallest cross-entropy,
/// and the <em>other</em> branch learns from those samples only, so that neither trains on the labels it alone believes.
/// </summary>
public static class CoTeachingLoss
{
    /// <summary>
    /// The two branches' exchanged losses, summed: mean CE of A over B's small-loss picks plus mean CE of B over A's.
    /// <paramref name="keepFraction"/> in (0, 1] sets how many samples each branch picks (at least one).
    /// </summary>
    public static Tensor Compute(Tensor logitsA, Tensor logitsB, Tensor targets, double keepFraction)
    {
        ArgumentNullException.ThrowIfNull(logitsA);
        ArgumentNullException.ThrowIfNull(logitsB);
        ArgumentNullException.ThrowIfNull(targets);
        if (!(keepFraction > 0 && keepFraction <= 1)) throw new ArgumentOutOfRangeException(nameof(keepFraction), keepFraction, "must be in (0, 1]");
        long n = logitsA.shape[0];
        if (logitsB.shape[0] != n || targets.numel() != n) throw new ArgumentException("both branches and the targets must share the batch size");
        using var scope = NewDisposeScope();
        var y = targets.reshape(n);
        var lossA = nn.functional.cross_entropy(logitsA, y, reduction: nn.Reduction.None);
        var lossB = nn.functional.cross_entropy(logitsB, y, reduction: nn.Reduction.None);
        long keep = Math.Clamp((long)Math.Round(keepFraction * n), 1, n);
        var pickedByA = SmallestLoss(lossA, keep);
        var pickedByB = SmallestLoss(lossB, keep);
        var total = lossA.index_select(0, pickedByB).mean().add(lossB.index_select(0, pickedByA).mean(), HeldScalars.One);
        return total.MoveToOuterDisposeScope();
    }

    /// <summary>Indices of the <paramref name="keep"/> smallest losses (ties by batch order, so the pick is deterministic).</summary>
    internal static Tensor SmallestLoss(Tensor loss, long keep)
    {
        using var _ = no_grad();
        float[] values = loss.detach().cpu().to_type(ScalarType.Float32).data<float>().ToArray();
        long[] order = Enumerable.Range(0, values.Length).OrderBy(i => values[i]).ThenBy(i => i).Take((int)keep).Select(i => (long)i).ToArray();
        return tensor(order, device: loss.device);
    }
}
