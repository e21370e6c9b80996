namespace Npa.Trainer.Evaluation;

/// <summary>How well a per-sample score finds noisy labels: the AUROC and the noisy share of a chosen group.</summary>
public static class NoiseDetection
{
    /// <summary>
    /// Area under the ROC curve of <paramref name="scores"/> for telling <paramref name="positive"/> samples from the rest:
    /// the chance that a random positive scores above a random negative, ties counting one half (Mann–Whitney U / n⁺n⁻).
    /// NaN when either class is empty.
    /// </summary>
    public static double Auc(IReadOnlyList<double> scores, IReadOnlyList<bool> positive)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(positive);
        if (scores.Count != positive.Count) throw new ArgumentException($"{scores.Count} scores but {positive.Count} flags", nameof(positive));
        int n = scores.Count, positives = positive.Count(p => p);
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) return double.NaN;
        int[] order = Enumerable.Range(0, n).OrderBy(i => scores[i]).ToArray();
        double positiveRankSum = 0;
        for (int start = 0; start < n;)
        {
            int end = start;
            while (end + 1 < n && scores[order[end + 1]] == scores[order[start]]) end++;
            // Tied scores share the mean of their 1-based ranks.
            double rank = (start + end) / 2.0 + 1;
            for (int k = start; k <= end; k++) if (positive[order[k]]) positiveRankSum += rank;
            start = end + 1;
        }
        return (positiveRankSum - positives * (positives + 1) / 2.0) / (positives * negatives);
    }

    /// <summary>Share of <paramref name="positive"/> samples among the <paramref name="selected"/> ones; NaN when none is selected.</summary>
    public static double Share(IReadOnlyList<bool> positive, IReadOnlyList<bool> selected)
    {
        ArgumentNullException.ThrowIfNull(positive);
        ArgumentNullException.ThrowIfNull(selected);
        if (positive.Count != selected.Count) throw new ArgumentException($"{positive.Count} flags but {selected.Count} selections", nameof(selected));
        int chosen = 0, hits = 0;
        for (int i = 0; i < positive.Count; i++)
        {
            if (!selected[i]) continue;
            chosen++;
            if (positive[i]) hits++;
        }
        return chosen == 0 ? double.NaN : (double)hits / chosen;
    }
}
