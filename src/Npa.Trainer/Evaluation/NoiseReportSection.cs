using System.Globalization;
using System.Text;

namespace Npa.Trainer.Evaluation;

/// <summary>The report's noise-accounting table and α figure (issue 11, part 3): does α find the noisy labels, and does rectification fix them?</summary>
public static class NoiseReportSection
{
    /// <summary>File name of the α figure in the experiment folder.</summary>
    public const string FigureFile = "alpha-noise.png";

    /// <summary>Appends the section to <paramref name="md"/> and writes the figure into <paramref name="folder"/>.</summary>
    public static void Append(StringBuilder md, string folder, IReadOnlyList<ExperimentResult> results)
    {
        ArgumentNullException.ThrowIfNull(md);
        ArgumentNullException.ThrowIfNull(results);
        var ci = CultureInfo.InvariantCulture;
        md.AppendLine("## Noise accounting (clean labels used for reporting only)");
        md.AppendLine();
        var accounted = results.Where(r => r.Epochs.Count > 0 && r.Epochs[^1].NoiseAuc is not null).ToList();
        if (accounted.Count == 0)
        {
            md.AppendLine("No run knew its clean labels, so nothing is accounted.");
            md.AppendLine();
            return;
        }
        md.AppendLine("Last epoch of each run, mean ± sample std over seeds. AUC: of 1 − fused α (as seen in each sample's step) for finding the labels "
            + "that differ from the clean ones (0.5 is chance); loss AUC: the same for the branches' mean per-sample cross-entropy on the label, the "
            + "signal that co-divide's mixtures and Co-teaching's small-loss pick read. Group L: the low-α part of each batch, against the base rate of noisy labels. "
            + "Net precision: of all labels changed so far, the share now clean; recall: the share of the given noisy labels fixed; broken: labels given clean and changed to a wrong one.");
        md.AppendLine();
        md.AppendLine("| Method | Runs | Noise AUC (1−α) | Noise AUC (loss) | Noisy share of L (%) | Base rate (%) | L / base | Net relabel precision (%) | Relabel recall (%) | Clean labels broken |");
        md.AppendLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var variant in accounted.Select(r => r.Variant).Distinct())
        {
            var last = accounted.Where(r => r.Variant == variant).Select(r => r.Epochs[^1]).ToList();
            var lossAuc = accounted.Where(r => r.Variant == variant).Select(r => LossAuc(r.LastEpochAlpha)).ToList();
            md.AppendLine(ci, $"| {ExperimentVariant.Find(variant).Label} | {last.Count} | {Pm(last, e => e.NoiseAuc, 1, "F3")} | {Pm(lossAuc, a => a, 1, "F3")} "
                + $"| {Pm(last, e => e.LowGroupNoisyShare, 100)} | {Pm(last, e => e.NoisyBaseRate, 100)} "
                + $"| {Pm(last, e => e.LowGroupNoisyShare / e.NoisyBaseRate, 1)} | {Pm(last, e => e.RelabelNetPrecision, 100)} "
                + $"| {Pm(last, e => e.RelabelRecall, 100)} | {Pm(last, e => e.CleanLabelsBroken, 1, "F1")} |");
        }
        md.AppendLine();
        var series = accounted.Select(r => r.Variant).Distinct()
            .Select(v => (ExperimentVariant.Find(v).Name, (IReadOnlyList<AlphaSample>)accounted.Where(r => r.Variant == v).SelectMany(r => r.LastEpochAlpha).ToArray()))
            .Where(s => s.Item2.Count > 0).ToList();
        if (series.Count == 0) return;
        AlphaDistributionFigure.Save(series, Path.Combine(folder, FigureFile));
        md.AppendLine(ci, $"![fused α of clean and noisy training labels, last epoch, all seeds pooled]({FigureFile})");
        md.AppendLine();
    }

    /// <summary>AUC of the per-sample loss for the noisy labels of one run's last epoch; null without loss columns.</summary>
    private static double? LossAuc(IReadOnlyList<AlphaSample> samples)
    {
        var known = samples.Where(s => s.Loss is not null).ToArray();
        if (known.Length == 0) return null;
        double auc = NoiseDetection.Auc([.. known.Select(s => s.Loss!.Value)], [.. known.Select(s => s.Noisy)]);
        return double.IsFinite(auc) ? auc : null;
    }

    private static string Pm<T>(IReadOnlyList<T> items, Func<T, double?> value, double scale, string format = "F2")
    {
        var values = items.Select(value).Where(v => v is double d && double.IsFinite(d)).Select(v => v!.Value * scale).ToArray();
        var s = MeanStd.Of(values);
        return s.Count == 0 ? "–" : string.Create(CultureInfo.InvariantCulture, $"{s.Mean.ToString(format, CultureInfo.InvariantCulture)} ± {s.Std.ToString(format, CultureInfo.InvariantCulture)}");
    }
}
