namespace Npa.Trainer.Evaluation;

/// <summary>Computes accuracy, macro-F1, MAE, per-class recall, the confusion matrix and ECE from predictions.</summary>
public static class ClassificationMetrics
{
    /// <summary>
    /// Metrics of predicted probabilities <paramref name="probabilities"/>[i] (one vector per sample; the prediction is the
    /// argmax, the confidence its value) against <paramref name="truth"/>.
    /// </summary>
    public static ClassificationReport Compute(IReadOnlyList<int> truth, IReadOnlyList<float[]> probabilities, int classCount, int eceBins = 15)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(probabilities);
        if (truth.Count != probabilities.Count)
            throw new ArgumentException($"{truth.Count} labels but {probabilities.Count} predictions", nameof(probabilities));
        if (truth.Count == 0) throw new ArgumentException("no samples to evaluate", nameof(truth));
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(eceBins, 1);
        int n = truth.Count;
        var predicted = new int[n];
        var confidence = new double[n];
        for (int i = 0; i < n; i++)
        {
            var p = probabilities[i];
            if (p.Length != classCount) throw new ArgumentException($"prediction {i} has {p.Length} classes, expected {classCount}", nameof(probabilities));
            if (truth[i] < 0 || truth[i] >= classCount) throw new ArgumentException($"label {truth[i]} of sample {i} is outside 0..{classCount - 1}", nameof(truth));
            int best = 0;
            for (int k = 1; k < classCount; k++) if (p[k] > p[best]) best = k;
            predicted[i] = best;
            confidence[i] = p[best];
        }
        var confusion = new int[classCount][];
        for (int k = 0; k < classCount; k++) confusion[k] = new int[classCount];
        int correct = 0;
        double absError = 0;
        for (int i = 0; i < n; i++)
        {
            confusion[truth[i]][predicted[i]]++;
            if (truth[i] == predicted[i]) correct++;
            absError += Math.Abs(truth[i] - predicted[i]);
        }
        var recall = new double[classCount];
        double f1Sum = 0;
        int f1Classes = 0;
        for (int k = 0; k < classCount; k++)
        {
            int tp = confusion[k][k];
            int actual = confusion[k].Sum();
            int predictedK = 0;
            for (int t = 0; t < classCount; t++) predictedK += confusion[t][k];
            recall[k] = actual == 0 ? double.NaN : (double)tp / actual;
            if (actual == 0 && predictedK == 0) continue;
            f1Sum += 2.0 * tp / (actual + predictedK);
            f1Classes++;
        }
        return new ClassificationReport(n, (double)correct / n, f1Sum / f1Classes, absError / n, recall,
            confusion.Select(r => (IReadOnlyList<int>)r).ToArray(), Ece(truth, predicted, confidence, eceBins));
    }

    /// <summary>Σ_bins (|bin|/N)·|accuracy(bin) − mean confidence(bin)| with bins (k/B, (k+1)/B] (the first includes 0).</summary>
    private static double Ece(IReadOnlyList<int> truth, int[] predicted, double[] confidence, int bins)
    {
        var count = new int[bins];
        var hits = new int[bins];
        var conf = new double[bins];
        for (int i = 0; i < truth.Count; i++)
        {
            int b = Math.Clamp((int)Math.Ceiling(confidence[i] * bins) - 1, 0, bins - 1);
            count[b]++;
            conf[b] += confidence[i];
            if (predicted[i] == truth[i]) hits[b]++;
        }
        double ece = 0;
        for (int b = 0; b < bins; b++)
            if (count[b] > 0) ece += Math.Abs((double)hits[b] / count[b] - conf[b] / count[b]) * count[b] / truth.Count;
        return ece;
    }
}
