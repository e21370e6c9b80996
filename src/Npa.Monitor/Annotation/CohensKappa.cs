using Npa.Shared.Nips;

namespace Npa.Monitor.Annotation;

/// <summary>Cohen's κ (unweighted) between two annotators over the NIPS levels both gave to the same frames.</summary>
public static class CohensKappa
{
    /// <summary>
    /// κ = (p_o − p_e) / (1 − p_e), with p_o the share of frames on which the two agree and p_e the agreement expected
    /// from each one's own level frequencies. Null when there are no pairs, or when p_e is 1 (both gave one and the same
    /// level throughout), where κ is undefined.
    /// </summary>
    public static double? Compute(IReadOnlyList<(int A, int B)> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        if (pairs.Count == 0) return null;
        var countA = new int[NipsScale.ClassCount];
        var countB = new int[NipsScale.ClassCount];
        int agree = 0;
        foreach (var (a, b) in pairs)
        {
            if (!NipsScale.IsValidScore(a) || !NipsScale.IsValidScore(b))
                throw new ArgumentOutOfRangeException(nameof(pairs), $"({a}, {b}) is not a pair of NIPS levels 0..{NipsScale.MaxScore}");
            countA[a]++;
            countB[b]++;
            if (a == b) agree++;
        }
        double n = pairs.Count;
        double observed = agree / n;
        double expected = 0;
        for (int k = 0; k < NipsScale.ClassCount; k++) expected += countA[k] / n * (countB[k] / n);
        return expected >= 1 ? null : (observed - expected) / (1 - expected);
    }
}
