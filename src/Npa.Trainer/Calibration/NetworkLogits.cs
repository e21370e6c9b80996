using Npa.Shared.Packaging;

namespace Npa.Trainer.Calibration;

/// <summary>A network's raw outputs on a set of samples, one <see cref="BranchLogits"/> per branch (A first).</summary>
public sealed record NetworkLogits
{
    public NetworkLogits(IReadOnlyList<BranchLogits> branches)
    {
        ArgumentNullException.ThrowIfNull(branches);
        if (branches.Count is < 1 or > 2) throw new ArgumentException($"a network has one or two branches, got {branches.Count}", nameof(branches));
        foreach (var b in branches) b.ThrowIfInconsistent();
        if (branches.Count == 2 && branches[0].Logits.Count != branches[1].Logits.Count)
            throw new ArgumentException($"branch A has {branches[0].Logits.Count} samples, branch B {branches[1].Logits.Count}", nameof(branches));
        Branches = branches;
    }

    public IReadOnlyList<BranchLogits> Branches { get; }

    /// <summary>How the branches are fused (<see cref="FusionRule"/>; null: the mean), as the run and its package say.</summary>
    public string? Fusion { get; init; }

    /// <summary>Number of samples.</summary>
    public int Count => Branches[0].Logits.Count;

    /// <summary>Fused probabilities of sample <paramref name="i"/> at temperature <paramref name="temperature"/> (the package's rule).</summary>
    public float[] Fused(int i, double temperature = 1) =>
        PredictionRule.Fuse([.. Branches.Select(b => PredictionRule.BranchProbabilities(b.Logits[i], b.Alpha[i], temperature))],
            [.. Branches.Select(b => b.Alpha[i])], Fusion);

    /// <summary>Fused probabilities of every sample at <paramref name="temperature"/>.</summary>
    public IReadOnlyList<float[]> Fused(double temperature = 1) => [.. Enumerable.Range(0, Count).Select(i => Fused(i, temperature))];
}
