namespace Npa.Trainer.Training;

/// <summary>The fused-α value that separates the top β of a set (group H) from the rest (group L).</summary>
public static class AlphaThreshold
{
    /// <summary>Midpoint between the smallest α of the top ⌊β·N⌋ (at least 1) and the largest α of the rest.</summary>
    public static double Compute(IReadOnlyList<float> alpha, double beta)
    {
        ArgumentNullException.ThrowIfNull(alpha);
        if (alpha.Count < 2) throw new ArgumentException("need at least 2 α values to split into groups", nameof(alpha));
        var sorted = alpha.OrderByDescending(a => a).ToArray();
        int high = Math.Clamp((int)Math.Floor(beta * sorted.Length), 1, sorted.Length - 1);
        return (sorted[high - 1] + (double)sorted[high]) / 2;
    }
}
