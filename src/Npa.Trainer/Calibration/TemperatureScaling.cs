using Npa.Shared.Packaging;
using Npa.Trainer.Evaluation;

namespace Npa.Trainer.Calibration;

/// <summary>
/// Temperature scaling of the fused prediction: one T for the whole network, found by golden-section search on log T
/// in [<see cref="MinTemperature"/>, <see cref="MaxTemperature"/>] minimising the mean negative log-likelihood of the
/// labels, where fused = mean over branches of softmax(α_b·logits_b / T). Deterministic: no sampling, no seeds.
/// </summary>
public static class TemperatureScaling
{
    public const double MinTemperature = 0.05;
    public const double MaxTemperature = 20;

    /// <summary>Search stops when the bracket on log T is narrower than this.</summary>
    public const double LogTolerance = 1e-6;

    /// <summary>Bins of the ECE figures (those of <see cref="ClassificationMetrics"/>).</summary>
    public const int EceBins = 15;

    private static readonly double InversePhi = (Math.Sqrt(5) - 1) / 2;

    /// <summary>
    /// True when <paramref name="temperature"/> sits on an end of the search interval: the NLL still fell there, as it does
    /// for a network at chance (T → ∞, uniform) or one that is right on every sample (T → 0).
    /// </summary>
    public static bool IsAtSearchBound(double temperature) => temperature >= MaxTemperature * 0.999 || temperature <= MinTemperature * 1.001;

    /// <summary>
    /// Fits T on <paramref name="logits"/> against <paramref name="labels"/> (the labels as the user has them). With
    /// <paramref name="noiseModel"/> (T[clean][given]) the likelihood is that of the given labels through the noise model,
    /// Σ_k p(k)·T[k][label], so that T calibrates the prediction of the clean label rather than of the noisy one.
    /// </summary>
    public static TemperatureFit Fit(NetworkLogits logits, IReadOnlyList<int> labels, IReadOnlyList<double[]>? noiseModel = null)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(labels);
        if (logits.Count != labels.Count) throw new ArgumentException($"{logits.Count} predictions but {labels.Count} labels", nameof(labels));
        if (labels.Count == 0) throw new ArgumentException("no samples to fit a temperature on", nameof(labels));

        double a = Math.Log(MinTemperature), b = Math.Log(MaxTemperature);
        double c = b - InversePhi * (b - a), d = a + InversePhi * (b - a);
        double fc = Nll(logits, labels, Math.Exp(c), noiseModel), fd = Nll(logits, labels, Math.Exp(d), noiseModel);
        while (b - a > LogTolerance)
        {
            if (fc < fd)
            {
                (b, d, fd) = (d, c, fc);
                c = b - InversePhi * (b - a);
                fc = Nll(logits, labels, Math.Exp(c), noiseModel);
            }
            else
            {
                (a, c, fc) = (c, d, fd);
                d = a + InversePhi * (b - a);
                fd = Nll(logits, labels, Math.Exp(d), noiseModel);
            }
        }
        double nllBefore = Nll(logits, labels, 1, noiseModel);
        double temperature = Math.Exp((a + b) / 2);
        double nllAfter = Nll(logits, labels, temperature, noiseModel);
        // The search assumes one minimum; should the NLL have several, never leave the fit worse than no scaling.
        if (!(nllAfter <= nllBefore)) (temperature, nllAfter) = (1, nllBefore);
        return new TemperatureFit(temperature, labels.Count, nllBefore, nllAfter, Ece(logits, labels, 1), Ece(logits, labels, temperature), EceBins)
        {
            ThroughNoiseModel = noiseModel is not null,
        };
    }

    /// <summary>Mean −log p_fused(label) at temperature <paramref name="temperature"/> (probabilities floored at 1e-300).</summary>
    /// <remarks>The same rule as <see cref="NetworkLogits.Fused(int, double)"/>, kept in double so the search sees a smooth curve.</remarks>
    public static double Nll(NetworkLogits logits, IReadOnlyList<int> labels, double temperature, IReadOnlyList<double[]>? noiseModel = null)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(labels);
        double sum = 0;
        int branches = logits.Branches.Count;
        var probabilities = new double[branches][];
        var weights = new double[branches];
        for (int i = 0; i < labels.Count; i++)
        {
            for (int b = 0; b < branches; b++)
            {
                var branch = logits.Branches[b];
                probabilities[b] = Softmax(branch.Logits[i], branch.Alpha[i] / temperature);
                weights[b] = logits.Fusion switch
                {
                    FusionRule.AlphaWeighted => branch.Alpha[i],
                    FusionRule.ConfidenceWeighted => probabilities[b].Max(),
                    _ => 1,
                };
            }
            double total = weights.Sum();
            // PredictionRule.Fuse's fallback: weights that sum to zero mean the plain mean.
            if (!(total > 0) || !double.IsFinite(total)) (weights, total) = (Enumerable.Repeat(1.0, branches).ToArray(), branches);
            double p = 0;
            for (int b = 0; b < branches; b++) p += weights[b] / total * LabelLikelihood(probabilities[b], labels[i], noiseModel);
            sum -= Math.Log(Math.Max(p, 1e-300));
        }
        return sum / labels.Count;
    }

    /// <summary>p(label), or through the noise model Σ_k p(k)·T[k][label].</summary>
    private static double LabelLikelihood(double[] probabilities, int label, IReadOnlyList<double[]>? noiseModel)
    {
        if (noiseModel is null) return probabilities[label];
        double p = 0;
        for (int k = 0; k < probabilities.Length; k++) p += probabilities[k] * noiseModel[k][label];
        return p;
    }

    private static double[] Softmax(float[] logits, double scale)
    {
        double max = double.NegativeInfinity;
        foreach (float l in logits) max = Math.Max(max, scale * l);
        var p = new double[logits.Length];
        double total = 0;
        for (int k = 0; k < logits.Length; k++) total += p[k] = Math.Exp(scale * logits[k] - max);
        for (int k = 0; k < p.Length; k++) p[k] /= total;
        return p;
    }

    /// <summary>ECE of the fused top-class confidence at <paramref name="temperature"/> against <paramref name="labels"/>.</summary>
    public static double Ece(NetworkLogits logits, IReadOnlyList<int> labels, double temperature)
    {
        ArgumentNullException.ThrowIfNull(logits);
        var fused = logits.Fused(temperature);
        return ClassificationMetrics.Compute(labels, fused, fused[0].Length, EceBins).ExpectedCalibrationError;
    }
}
