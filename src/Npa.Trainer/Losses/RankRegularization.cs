using Npa.Trainer.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace Npa.Trainer.Losses;

/// <summary>
/// Eqs. 2–3: fuse α = Π_b α_b, rank it in the batch, take the top β·N as group H and the rest as L, and penalise
/// L_RR = max(0, δ1 − (mean α_H − mean α_L)).
/// </summary>
public sealed class RankRegularization
{
    /// <summary>Creates the term with the paper's defaults β = 0.5, δ1 = 0.1.</summary>
    public RankRegularization(double beta = 0.5, double delta1 = 0.1)
    {
        if (!(beta > 0 && beta < 1)) throw new ArgumentOutOfRangeException(nameof(beta), beta, "beta must be in (0, 1)");
        if (!(delta1 >= 0)) throw new ArgumentOutOfRangeException(nameof(delta1), delta1, "delta1 must be >= 0");
        Beta = beta;
        Delta1 = delta1;
    }

    /// <summary>Fraction of the batch in group H.</summary>
    public double Beta { get; }

    /// <summary>Required gap between the group means.</summary>
    public double Delta1 { get; }

    /// <summary>Size of group H for a batch of <paramref name="n"/>: ⌊β·N⌋, kept in [1, N−1] so both groups exist.</summary>
    public int HighCount(int n) => n < 2 ? n : Math.Clamp((int)Math.Floor(Beta * n), 1, n - 1);

    /// <summary>Fuses the branches' α ([N,1] or [N] each) and computes the term and the split.</summary>
    public RankSplit Compute(IReadOnlyList<Tensor> branchAlphas)
    {
        ArgumentNullException.ThrowIfNull(branchAlphas);
        if (branchAlphas.Count == 0) throw new ArgumentException("at least one branch alpha is needed", nameof(branchAlphas));
        using var scope = NewDisposeScope();
        long n = branchAlphas[0].numel();
        var fused = branchAlphas[0].reshape(n);
        for (int b = 1; b < branchAlphas.Count; b++)
        {
            if (branchAlphas[b].numel() != n) throw new ArgumentException("branch alphas differ in batch size", nameof(branchAlphas));
            fused = fused * branchAlphas[b].reshape(n);
        }
        float[] values = fused.detach().cpu().to_type(ScalarType.Float32).data<float>().ToArray();
        if (n < 2)
        {
            // One sample cannot be ranked against another: no term, and the sample counts as high.
            return new RankSplit(zeros(1, device: fused.device).sum().MoveToOuterDisposeScope(), values.Length == 1 ? values[0] : 0, 0,
                new bool[n], values);
        }
        int high = HighCount((int)n);
        // Stable descending order: ties keep batch order, so the split is deterministic.
        int[] order = Enumerable.Range(0, (int)n).OrderByDescending(i => values[i]).ThenBy(i => i).ToArray();
        var isLow = new bool[n];
        for (int r = high; r < n; r++) isLow[order[r]] = true;
        var highIdx = tensor(order[..high].Select(i => (long)i).ToArray(), device: fused.device);
        var lowIdx = tensor(order[high..].Select(i => (long)i).ToArray(), device: fused.device);
        var meanHigh = fused.index_select(0, highIdx).mean();
        var meanLow = fused.index_select(0, lowIdx).mean();
        // δ1 − gap as TorchSharp's Scalar − Tensor computes it (−gap + δ1), with Scalars that outlive the call.
        using var delta1 = Delta1.ToScalar();
        var loss = nn.functional.relu((meanHigh - meanLow).neg().add(delta1, HeldScalars.One));
        return new RankSplit(loss.MoveToOuterDisposeScope(), meanHigh.item<float>(), meanLow.item<float>(), isLow, values);
    }
}
