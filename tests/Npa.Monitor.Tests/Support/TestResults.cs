using Npa.Monitor.Inference;
using Npa.Shared.Nips;

namespace Npa.Monitor.Tests.Support;

/// <summary>Hand-made model outputs for a wanted expected score.</summary>
internal static class TestResults
{
    /// <summary>A result whose fused distribution splits between the two classes around <paramref name="score"/>.</summary>
    public static InferenceResult Score(double score, float alpha = 0.9f, string modelId = "test-model")
    {
        var p = new float[NipsScale.ClassCount];
        int lo = (int)Math.Floor(Math.Clamp(score, 0, NipsScale.MaxScore));
        int hi = Math.Min(lo + 1, NipsScale.MaxScore);
        float frac = (float)(score - lo);
        p[lo] += 1 - frac;
        p[hi] += frac;
        int level = NipsScale.ArgMax(p);
        return new InferenceResult(p, p, alpha, alpha, p, NipsScale.ExpectedScore(p), level,
            NipsScale.CategoryOf(level), true, p.Max(), modelId);
    }
}
