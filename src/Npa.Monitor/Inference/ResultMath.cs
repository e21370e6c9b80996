using Npa.Shared.Nips;
using Npa.Shared.Packaging;

namespace Npa.Monitor.Inference;

/// <summary>Turns one sample's raw outputs into an <see cref="InferenceResult"/> (per-branch softmax of α-scaled logits).</summary>
internal static class ResultMath
{
    public static InferenceResult Build(IReadOnlyDictionary<string, float[]> outputs, int sample, int classes, int branches, string modelId)
    {
        float[] fused = outputs[ModelOutputNames.Probs].AsSpan(sample * classes, classes).ToArray();
        float alphaA = outputs[ModelOutputNames.AlphaA][sample];
        float[] probsA = ScaledSoftmax(outputs[ModelOutputNames.LogitsA].AsSpan(sample * classes, classes), alphaA);
        float alphaB = 1f;
        float[] probsB = probsA;
        if (branches == 2)
        {
            alphaB = outputs[ModelOutputNames.AlphaB][sample];
            probsB = ScaledSoftmax(outputs[ModelOutputNames.LogitsB].AsSpan(sample * classes, classes), alphaB);
        }
        int level = NipsScale.ArgMax(fused);
        return new InferenceResult(
            probsA, probsB, alphaA, alphaB, fused,
            NipsScale.ExpectedScore(fused),
            level,
            NipsScale.CategoryOf(level),
            NipsScale.ArgMax(probsA) == NipsScale.ArgMax(probsB),
            fused[level],
            modelId);
    }

    /// <summary>softmax(α·logits), computed stably in double.</summary>
    public static float[] ScaledSoftmax(ReadOnlySpan<float> logits, float alpha)
    {
        double max = double.NegativeInfinity;
        foreach (float l in logits) max = Math.Max(max, alpha * l);
        var p = new double[logits.Length];
        double sum = 0;
        for (int i = 0; i < logits.Length; i++) sum += p[i] = Math.Exp(alpha * logits[i] - max);
        return Array.ConvertAll(p, v => (float)(v / sum));
    }
}
