namespace Npa.Shared.Packaging;

/// <summary>
/// How a package's outputs become probabilities, for the Trainer and the Monitor alike: each branch gives
/// softmax(α·logits / T), and the fused prediction is the mean of the branches (one branch: its own), or with the
/// manifest's <see cref="FusionRule"/> a per-sample weighted mean.
/// </summary>
public static class PredictionRule
{
    /// <summary>softmax(α·logits / T), computed stably in double.</summary>
    public static float[] BranchProbabilities(ReadOnlySpan<float> logits, float alpha, double temperature = 1)
    {
        if (!(temperature > 0) || !double.IsFinite(temperature)) throw new ArgumentOutOfRangeException(nameof(temperature), temperature, "temperature must be a positive finite number");
        double scale = alpha / temperature;
        double max = double.NegativeInfinity;
        foreach (float l in logits) max = Math.Max(max, scale * l);
        var p = new double[logits.Length];
        double sum = 0;
        for (int i = 0; i < logits.Length; i++) sum += p[i] = Math.Exp(scale * logits[i] - max);
        return Array.ConvertAll(p, v => (float)(v / sum));
    }

    /// <summary>The mean of the branches' probability vectors (one branch: a copy of it).</summary>
    public static float[] Fuse(IReadOnlyList<float[]> branches)
    {
        ArgumentNullException.ThrowIfNull(branches);
        if (branches.Count == 0) throw new ArgumentException("no branch to fuse", nameof(branches));
        var fused = new float[branches[0].Length];
        foreach (var p in branches)
        {
            if (p.Length != fused.Length) throw new ArgumentException($"branches have {fused.Length} and {p.Length} classes", nameof(branches));
            for (int k = 0; k < fused.Length; k++) fused[k] += p[k] / branches.Count;
        }
        return fused;
    }

    /// <summary>
    /// The branches fused by <paramref name="rule"/> (<see cref="FusionRule"/>; null is the mean): a per-sample weighted
    /// mean with weights ∝ each branch's α (<paramref name="alphas"/>) or its top-class probability. Weights that sum to
    /// zero fall back to the mean.
    /// </summary>
    public static float[] Fuse(IReadOnlyList<float[]> branches, IReadOnlyList<float> alphas, string? rule)
    {
        ArgumentNullException.ThrowIfNull(branches);
        ArgumentNullException.ThrowIfNull(alphas);
        if (!FusionRule.IsKnown(rule)) throw new ArgumentException($"fusion must be one of {string.Join(", ", FusionRule.All)}, got '{rule}'", nameof(rule));
        if (rule is null or FusionRule.Mean || branches.Count == 1) return Fuse(branches);
        if (alphas.Count != branches.Count) throw new ArgumentException($"{branches.Count} branches but {alphas.Count} α values", nameof(alphas));
        var weights = new double[branches.Count];
        for (int b = 0; b < branches.Count; b++) weights[b] = rule == FusionRule.AlphaWeighted ? alphas[b] : branches[b].Max();
        double total = weights.Sum();
        if (!(total > 0) || !double.IsFinite(total)) return Fuse(branches);
        var fused = new float[branches[0].Length];
        for (int b = 0; b < branches.Count; b++)
        {
            if (branches[b].Length != fused.Length) throw new ArgumentException($"branches have {fused.Length} and {branches[b].Length} classes", nameof(branches));
            for (int k = 0; k < fused.Length; k++) fused[k] += (float)(weights[b] / total * branches[b][k]);
        }
        return fused;
    }
}
