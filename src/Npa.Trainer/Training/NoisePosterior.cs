namespace Npa.Trainer.Training;

/// <summary>
/// The posterior of the clean label given the image and the label as given: P(k | x, ŷ) ∝ p(k | x)·T[k][ŷ], with p a
/// predictor's probabilities and T the assumed noise model (T[k][ŷ] = P(given ŷ | clean k)). A label is doubted only as
/// far as the evidence outweighs the prior 1 − ρ that it was right.
/// </summary>
public static class NoisePosterior
{
    /// <summary>The normalized posterior over the classes; the prediction itself where every term is zero.</summary>
    public static double[] Of(IReadOnlyList<float> probabilities, int given, IReadOnlyList<double[]> transition)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(transition);
        if (transition.Count != probabilities.Count) throw new ArgumentException($"{probabilities.Count} classes but a {transition.Count}-row noise model", nameof(transition));
        ArgumentOutOfRangeException.ThrowIfNegative(given);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(given, probabilities.Count);
        var posterior = new double[probabilities.Count];
        double total = 0;
        for (int k = 0; k < posterior.Length; k++) total += posterior[k] = probabilities[k] * transition[k][given];
        if (!(total > 0))
        {
            for (int k = 0; k < posterior.Length; k++) posterior[k] = probabilities[k];
            total = posterior.Sum();
        }
        for (int k = 0; k < posterior.Length; k++) posterior[k] /= total;
        return posterior;
    }
}
