using Npa.Shared.Nips;
using Npa.Shared.Packaging;

namespace Npa.Monitor.Inference;

/// <summary>
/// Turns one sample's raw outputs into an <see cref="InferenceResult"/>: per-branch softmax(α·logits / T) and their mean
/// (<see cref="PredictionRule"/>), T being the package's calibration temperature.
/// </summary>
internal static class ResultMath
{
    public static InferenceResult Build(IReadOnlyDictionary<string, float[]> outputs, int sample, int classes, int branches, string modelId, double temperature = 1)
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
        // At T = 1 the graph's probs output is that mean already; a calibrated package's fused prediction is the mean of
        // its calibrated branches (the graph keeps the uncalibrated probs, as the output contract defines them).
        float[] fused = temperature == 1 ? outputs[ModelOutputNames.Probs].AsSpan(sample * classes, classes).ToArray()
            : branches == 2 ? PredictionRule.Fuse([probsA, probsB]) : (float[])probsA.Clone();
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
