using Npa.Shared.Nips;
using Npa.Shared.Packaging;

namespace Npa.Monitor.Inference;

/// <summary>
/// Turns one sample's raw outputs into an <see cref="InferenceResult"/>: per-branch softmax(α·logits / T) and their mean
/// or the package's weighted <see cref="FusionRule"/> (<see cref="PredictionRule"/>), T being its calibration temperature.
/// </summary>
internal static class ResultMath
{
    public static InferenceResult Build(IReadOnlyDictionary<string, float[]> outputs, int sample, int classes, int branches, string modelId, double temperature = 1, string? fusion = null)
    {
        float alphaA = outputs[ModelOutputNames.AlphaA][sample];
        float[] probsA = PredictionRule.BranchProbabilities(outputs[ModelOutputNames.LogitsA].AsSpan(sample * classes, classes), alphaA, temperature);
        float alphaB = 1f;
        float[] probsB = probsA;
        if (branches == 2)
        {
            alphaB = outputs[ModelOutputNames.AlphaB][sample];
            probsB = PredictionRule.BranchProbabilities(outputs[ModelOutputNames.LogitsB].AsSpan(sample * classes, classes), alphaB, temperature);
        }
        // At T = 1 with the mean rule the graph's probs output is the fused prediction already; otherwise it is fused here
        // from the calibrated branches (the graph keeps the uncalibrated mean, as the output contract defines it).
        bool graphFuses = temperature == 1 && fusion is null or FusionRule.Mean;
        float[] fused = graphFuses ? outputs[ModelOutputNames.Probs].AsSpan(sample * classes, classes).ToArray()
            : branches == 2 ? PredictionRule.Fuse([probsA, probsB], [alphaA, alphaB], fusion) : (float[])probsA.Clone();
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
}
