namespace Npa.Monitor.Models;

/// <summary>
/// Paired bootstrap of candidate − serving: each resample draws sample indices with replacement once and scores both
/// models on those same indices, so the interval reflects the difference, not the two models' separate noise.
/// </summary>
public static class PairedBootstrap
{
    /// <summary>Compares the two models on all three metrics; both lists hold the same images in the same order.</summary>
    public static IReadOnlyList<GateComparison> Compare(IReadOnlyList<GateSample> candidate, IReadOnlyList<GateSample> serving, GateSettings settings)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(serving);
        ArgumentNullException.ThrowIfNull(settings);
        if (candidate.Count != serving.Count || candidate.Count == 0)
            throw new ArgumentException($"both models must score the same non-empty set (candidate {candidate.Count}, serving {serving.Count})");
        for (int i = 0; i < candidate.Count; i++)
            if (candidate[i].Label != serving[i].Label) throw new ArgumentException($"sample {i} has label {candidate[i].Label} for the candidate but {serving[i].Label} for serving");

        var metrics = new (GateMetric Metric, Func<IReadOnlyList<GateSample>, int[], double> Score, double Margin)[]
        {
            (GateMetric.Accuracy, (s, ix) => GateMetrics.Accuracy(s, ix), settings.MarginAccuracy),
            (GateMetric.Mae, (s, ix) => GateMetrics.Mae(s, ix), settings.MarginMae),
            (GateMetric.SevereRecall, (s, ix) => GateMetrics.SevereRecall(s, ix), settings.MarginSevereRecall),
        };
        int n = candidate.Count;
        var diffs = metrics.Select(_ => new List<double>(settings.Resamples)).ToArray();
        var random = new Random(settings.Seed);
        var indices = new int[n];
        for (int r = 0; r < settings.Resamples; r++)
        {
            for (int i = 0; i < n; i++) indices[i] = random.Next(n);
            for (int m = 0; m < metrics.Length; m++)
            {
                double d = metrics[m].Score(candidate, indices) - metrics[m].Score(serving, indices);
                // A resample without a severe sample says nothing about severe recall; it is left out, not counted as 0.
                if (!double.IsNaN(d)) diffs[m].Add(d);
            }
        }
        var all = Enumerable.Range(0, n).ToArray();
        double tail = (1 - settings.Confidence) / 2;
        return metrics.Select((m, k) =>
        {
            double c = m.Score(candidate, all), s = m.Score(serving, all);
            if (diffs[k].Count == 0) return new GateComparison(m.Metric, c, s, double.NaN, double.NaN, m.Margin, Passed: false);
            diffs[k].Sort();
            double lower = Quantile(diffs[k], tail), upper = Quantile(diffs[k], 1 - tail);
            bool passed = m.Metric == GateMetric.Mae ? upper <= m.Margin : lower >= -m.Margin;
            return new GateComparison(m.Metric, c, s, lower, upper, m.Margin, passed);
        }).ToList();
    }

    /// <summary>Linear interpolation between order statistics (type 7, numpy's default) of sorted values.</summary>
    public static double Quantile(IReadOnlyList<double> sorted, double p)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0) throw new ArgumentException("no values", nameof(sorted));
        double h = (sorted.Count - 1) * Math.Clamp(p, 0, 1);
        int lo = (int)Math.Floor(h);
        int hi = Math.Min(lo + 1, sorted.Count - 1);
        return sorted[lo] + ((h - lo) * (sorted[hi] - sorted[lo]));
    }
}
