using Npa.Shared.Nips;

namespace Npa.Monitor.Models;

/// <summary>The three metrics the gate compares, over any subset of samples (given as indices, so a bootstrap resample costs no copy).</summary>
public static class GateMetrics
{
    /// <summary>Share of samples whose arg-max class equals the label.</summary>
    public static double Accuracy(IReadOnlyList<GateSample> samples, ReadOnlySpan<int> indices)
    {
        int hits = 0;
        foreach (int i in indices) if (samples[i].Level == samples[i].Label) hits++;
        return indices.Length == 0 ? double.NaN : (double)hits / indices.Length;
    }

    /// <summary>Mean absolute error of the expected score against the label.</summary>
    public static double Mae(IReadOnlyList<GateSample> samples, ReadOnlySpan<int> indices)
    {
        double total = 0;
        foreach (int i in indices) total += Math.Abs(samples[i].ExpectedScore - samples[i].Label);
        return indices.Length == 0 ? double.NaN : total / indices.Length;
    }

    /// <summary>Of the samples labelled severe (NIPS ≥ 5), the share predicted severe; NaN when none is.</summary>
    public static double SevereRecall(IReadOnlyList<GateSample> samples, ReadOnlySpan<int> indices)
    {
        int severe = 0, found = 0;
        foreach (int i in indices)
        {
            if (samples[i].Label < NipsScale.SevereThreshold) continue;
            severe++;
            if (samples[i].Level >= NipsScale.SevereThreshold) found++;
        }
        return severe == 0 ? double.NaN : (double)found / severe;
    }

    /// <summary>8×8 counts, one row per label: [label][predicted].</summary>
    public static int[][] Confusion(IReadOnlyList<GateSample> samples)
    {
        var m = Enumerable.Range(0, NipsScale.ClassCount).Select(_ => new int[NipsScale.ClassCount]).ToArray();
        foreach (var s in samples) m[s.Label][s.Level]++;
        return m;
    }
}
