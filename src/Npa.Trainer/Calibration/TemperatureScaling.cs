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

    /// <summary>Fits T on <paramref name="logits"/> against <paramref name="labels"/> (the labels as the user has them).</summary>
    public static TemperatureFit Fit(NetworkLogits logits, IReadOnlyList<int> labels)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(labels);
        if (logits.Count != labels.Count) throw new ArgumentException($"{logits.Count} predictions but {labels.Count} labels", nameof(labels));
        if (labels.Count == 0) throw new ArgumentException("no samples to fit a temperature on", nameof(labels));

        double a = Math.Log(MinTemperature), b = Math.Log(MaxTemperature);
        double c = b - InversePhi * (b - a), d = a + InversePhi * (b - a);
        double fc = Nll(logits, labels, Math.Exp(c)), fd = Nll(logits, labels, Math.Exp(d));
        while (b - a > LogTolerance)
        {
            if (fc < fd)
            {
                (b, d, fd) = (d, c, fc);
                c = b - InversePhi * (b - a);
                fc = Nll(logits, labels, Math.Exp(c));
            }
            else
            {
                (a, c, fc) = (c, d, fd);
                d = a + InversePhi * (b - a);
                fd = Nll(logits, labels, Math.Exp(d));
            }
        }
        double nllBefore = Nll(logits, labels, 1);
        double temperature = Math.Exp((a + b) / 2);
        double nllAfter = Nll(logits, labels, temperature);
        // The search assumes one minimum; should the NLL have several, never leave the fit worse than no scaling.
        if (!(nllAfter <= nllBefore)) (temperature, nllAfter) = (1, nllBefore);
        return new TemperatureFit(temperature, labels.Count, nllBefore, nllAfter, Ece(logits, labels, 1), Ece(logits, labels, temperature), EceBins);
    }

    /// <summary>Mean −log p_fused(label) at temperature <paramref name="temperature"/> (probabilities floored at 1e-300).</summary>
    /// <remarks>The same rule as <see cref="NetworkLogits.Fused(int, double)"/>, kept in double so the search sees a smooth curve.</remarks>
    public static double Nll(NetworkLogits logits, IReadOnlyList<int> labels, double temperature)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(labels);
        double sum = 0;
        for (int i = 0; i < labels.Count; i++)
        {
            double p = 0;
            foreach (var branch in logits.Branches) p += LabelProbability(branch.Logits[i], branch.Alpha[i] / temperature, labels[i]);
            sum -= Math.Log(Math.Max(p / logits.Branches.Count, 1e-300));
        }
        return sum / labels.Count;
    }

    private static double LabelProbability(float[] logits, double scale, int label)
    {
        double max = double.NegativeInfinity;
        foreach (float l in logits) max = Math.Max(max, scale * l);
        double total = 0;
        foreach (float l in logits) total += Math.Exp(scale * l - max);
        return Math.Exp(scale * logits[label] - max) / total;
    }

    /// <summary>ECE of the fused top-class confidence at <paramref name="temperature"/> against <paramref name="labels"/>.</summary>
    public static double Ece(NetworkLogits logits, IReadOnlyList<int> labels, double temperature)
    {
        ArgumentNullException.ThrowIfNull(logits);
        var fused = logits.Fused(temperature);
        return ClassificationMetrics.Compute(labels, fused, fused[0].Length, EceBins).ExpectedCalibrationError;
    }
}
