using System.Globalization;
using System.Text;
using Npa.Trainer.Training.Options;

namespace Npa.Trainer.Evaluation;

/// <summary>Writes an experiment's report.md, shaped like the paper's Tables II and III, with its relabel and α figures.</summary>
public static class ExperimentReport
{
    /// <summary>Writes report.md, relabels.png and alpha-noise.png into <paramref name="folder"/>; returns the markdown.</summary>
    public static string Write(string folder, TrainConfig baseConfig, IReadOnlyList<ExperimentResult> results)
    {
        ArgumentNullException.ThrowIfNull(baseConfig);
        ArgumentNullException.ThrowIfNull(results);
        var ci = CultureInfo.InvariantCulture;
        var md = new StringBuilder();
        var variants = results.Select(r => r.Variant).Distinct().ToList();
        var seeds = results.Select(r => r.Seed).Distinct().Order().ToList();
        bool test = results.All(r => r.Outcome.TestAccuracy is not null);
        md.AppendLine(ci, $"# Experiment: {baseConfig.Name}");
        md.AppendLine();
        md.AppendLine(ci, $"- data: `{baseConfig.Data.Manifest ?? baseConfig.Data.ImageFolder}`; {baseConfig.Data.ImageSize} px; noise {baseConfig.Data.Noise} at {baseConfig.Data.NoiseRate:P0} of the training labels");
        md.AppendLine(ci, $"- branches: A = {baseConfig.Model.BranchA}, B = {baseConfig.Model.BranchB ?? "none"}; {baseConfig.Optim.Epochs} epochs, batch {baseConfig.Optim.BatchSize}, lr {baseConfig.Optim.LearningRate}");
        md.AppendLine(ci, $"- seeds: {string.Join(", ", seeds)} (runs per row in the Runs column); accuracy is the kept network's (student or EMA teacher, whichever validated better) on the {(test ? "test" : "validation")} split, mean ± sample std");
        md.AppendLine(ci, $"- selection: {Selection(results)}");
        md.AppendLine();
        md.AppendLine("## Accuracy per configuration (cf. paper Table II)");
        md.AppendLine();
        md.AppendLine("| Method | Branches | Runs | Accuracy (%) | Student val (%) | Teacher val (%) | Teacher kept | Relabels / run | Relabel precision (%) | ECE | ECE after T | ECE after noise-aware T | s / epoch | Peak MiB |");
        md.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var v in variants)
        {
            var rows = results.Where(r => r.Variant == v).ToList();
            var o = rows[0].Outcome;
            var teacherVals = rows.Where(r => r.Outcome.ValAccuracyTeacher is not null).Select(r => r.Outcome.ValAccuracyTeacher!.Value * 100).ToArray();
            var precision = rows.SelectMany(r => r.Epochs).Where(e => e.RelabelPrecision is not null && e.RelabelCount > 0).ToList();
            double precisionPct = precision.Count == 0 ? double.NaN
                : 100.0 * precision.Sum(e => e.RelabelPrecision!.Value * e.RelabelCount) / precision.Sum(e => e.RelabelCount);
            md.AppendLine(ci, $"| {ExperimentVariant.Find(v).Label} | {string.Join(" + ", o.Branches)} | {rows.Count} | {Pm(rows.Select(r => r.Accuracy * 100).ToArray())} "
                + $"| {Pm(rows.Select(r => r.Outcome.ValAccuracyStudent * 100).ToArray())} | {(teacherVals.Length == 0 ? "–" : Pm(teacherVals))} "
                + $"| {rows.Count(r => r.Outcome.Winner == "teacher")}/{rows.Count} | {rows.Average(r => r.Outcome.RelabelTotal):F1} | {RelabelFigure.Format(precisionPct)} "
                + $"| {PmOf(rows, r => r.Calibration?.Ece)} | {PmOf(rows, r => r.Calibration?.EceCalibrated)} | {PmOf(rows, r => r.Calibration?.EceNoiseAware)} "
                + $"| {rows.Average(r => r.Outcome.SecondsPerEpoch):F1} | {rows.Max(r => r.Outcome.PeakWorkingSetMb):F0} |");
        }
        md.AppendLine();
        md.AppendLine("## Ablation (cf. paper Table III)");
        md.AppendLine();
        md.AppendLine("| Method | α-weighted CE | EMA teachers | Rectification | Rank reg. | Two branches | Beyond the paper | Accuracy (%) |");
        md.AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (var v in variants)
        {
            var c = ExperimentVariant.Find(v).Apply(baseConfig);
            var acc = results.Where(r => r.Variant == v).Select(r => r.Accuracy * 100).ToArray();
            md.AppendLine(ci, $"| {ExperimentVariant.Find(v).Label} | {Tick(!c.Loss.IsPlainCrossEntropy && !c.Loss.IsCoTeaching)} | {Tick(c.Ema.Enabled)} | {Tick(c.Relabel.Enabled)} | {Tick(c.Loss.RankRegularization)} | {Tick(c.Model.IsSiamese)} | {Beyond(c)} | {Pm(acc)} |");
        }
        md.AppendLine();
        md.AppendLine("## Relabel count and precision per epoch (cf. paper Fig. 3)");
        md.AppendLine();
        var series = variants.Where(v => results.Any(r => r.Variant == v && r.Outcome.RelabelTotal > 0)).Select(v =>
        {
            var rows = results.Where(r => r.Variant == v).ToList();
            return (ExperimentVariant.Find(v).Name,
                RelabelFigure.MeanPerEpoch(rows.Select(r => (IReadOnlyList<double>)r.Epochs.Select(e => (double)e.RelabelCount).ToArray())),
                RelabelFigure.MeanPerEpoch(rows.Select(r => (IReadOnlyList<double>)r.Epochs.Select(e => e.RelabelPrecision ?? double.NaN).ToArray())));
        }).ToList();
        if (series.Count == 0)
        {
            md.AppendLine("No run relabelled any sample.");
        }
        else
        {
            RelabelFigure.Save(series, Path.Combine(folder, "relabels.png"));
            md.AppendLine("![relabel count and precision per epoch](relabels.png)");
            md.AppendLine();
            md.AppendLine("| Epoch | " + string.Join(" | ", series.Select(s => $"{s.Item1} count | {s.Item1} precision (%)")) + " |");
            md.AppendLine("|---|" + string.Concat(series.Select(_ => "---|---|")));
            int epochs = series.Max(s => s.Item2.Length);
            for (int e = 0; e < epochs; e++)
            {
                string cells = string.Join(" | ", series.Select(s =>
                    (e < s.Item2.Length ? RelabelFigure.Format(s.Item2[e]) : "–") + " | " + (e < s.Item3.Length ? RelabelFigure.Format(s.Item3[e] * 100) : "–")));
                md.AppendLine(ci, $"| {e + 1} | {cells} |");
            }
        }
        md.AppendLine();
        NoiseReportSection.Append(md, folder, results);
        md.AppendLine("## Runs");
        md.AppendLine();
        md.AppendLine("| Variant | Seed | Accuracy (%) | Kept | Best epoch | Selected on | Rectification gate passed | α threshold | Relabels |");
        md.AppendLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var r in results)
        {
            string gate = r.Outcome.RectificationGateEpoch is int g ? $"after epoch {g}" : "–";
            md.AppendLine(ci, $"| {r.Variant} | {r.Seed} | {r.Accuracy * 100:F2} | {r.Outcome.Winner} | {r.Outcome.BestEpoch} | {r.Outcome.SelectionSplit} | {gate} "
                + $"| {r.Outcome.AlphaThreshold:F4} | {r.Outcome.RelabelTotal} |");
        }
        string text = md.ToString();
        File.WriteAllText(Path.Combine(folder, "report.md"), text);
        return text;
    }

    private static string Pm(IReadOnlyList<double> values)
    {
        var s = MeanStd.Of(values);
        return s.Count == 0 ? "–" : string.Create(CultureInfo.InvariantCulture, $"{s.Mean:F2} ± {s.Std:F2}");
    }

    /// <summary>Which labels chose the kept epoch and network, as the runs' outcomes say.</summary>
    private static string Selection(IReadOnlyList<ExperimentResult> results)
    {
        var splits = results.Select(r => r.Outcome.SelectionSplit).Distinct().Order(StringComparer.Ordinal).ToList();
        string Says(string split) => split == "val_clean"
            ? "the manifest's trusted clean subset (split val_clean)"
            : "the validation split with the labels a user has (noisy where the training labels are)";
        return "the kept epoch, the student-or-teacher choice and the rectification gate were chosen on "
            + string.Join(" in some runs and on ", splits.Select(Says)) + "; clean labels only serve the accuracy and noise columns";
    }

    /// <summary>ECE columns: mean ± std over the runs that could be measured, "–" when none.</summary>
    private static string PmOf(IReadOnlyList<ExperimentResult> rows, Func<ExperimentResult, double?> value)
    {
        var values = rows.Select(value).Where(v => v is not null).Select(v => v!.Value).ToArray();
        var s = MeanStd.Of(values);
        return s.Count == 0 ? "–" : string.Create(CultureInfo.InvariantCulture, $"{s.Mean:F3} ± {s.Std:F3}");
    }

    /// <summary>The config keys beyond the paper that a variant sets (Table III's last switch column).</summary>
    private static string Beyond(TrainConfig c)
    {
        var parts = new List<string>();
        if (c.Loss.IsCoTeaching) parts.Add("co-teaching");
        if (c.Loss.IsCoDivide) parts.Add("co-divide α");
        if (c.Relabel.CandidatesFromCoDivide) parts.Add("co-divide candidates");
        if (c.Relabel.StartTeacherAccuracy is double bar) parts.Add(string.Create(CultureInfo.InvariantCulture, $"gate {bar:P0}"));
        if (c.Relabel.IsNoisePosterior)
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"noise-posterior relabel ≥ {c.Relabel.EffectivePosteriorThreshold:0.##}"));
        if (c.Relabel.CandidatesAll) parts.Add("all candidates");
        if (c.Model.IsNoiseAwareTemperatureFit) parts.Add("noise-aware T");
        if (c.Model.Fusion is string f && f != Npa.Shared.Packaging.FusionRule.Mean) parts.Add($"{f} fusion");
        return parts.Count == 0 ? "–" : string.Join(", ", parts);
    }

    private static string Tick(bool on) => on ? "✓" : "✗";
}
