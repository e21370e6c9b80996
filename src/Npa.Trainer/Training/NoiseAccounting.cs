using System.Globalization;
using System.Text;
using Npa.Trainer.Evaluation;
using Npa.Trainer.Losses;
using Npa.Trainer.Models;
using static TorchSharp.torch;

namespace Npa.Trainer.Training;

/// <summary>
/// Per-sample noise accounting of a run whose clean labels are known: each step's fused α, group and per-branch loss,
/// written per epoch to <c>noise/epoch-NNN.csv</c> and summed up in the epoch's metrics. It only reports; nothing in
/// training reads it.
/// </summary>
public sealed class NoiseAccounting
{
    /// <summary>Folder of the per-epoch files inside the run folder.</summary>
    public const string Folder = "noise";

    private readonly string runFolder;
    private readonly IReadOnlyList<string> paths;
    private readonly List<Row> rows = [];

    /// <summary>Accounting that writes under <paramref name="runFolder"/>; <paramref name="paths"/> are the training images.</summary>
    public NoiseAccounting(string runFolder, IReadOnlyList<string> paths)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runFolder);
        this.runFolder = runFolder;
        this.paths = paths ?? throw new ArgumentNullException(nameof(paths));
    }

    /// <summary>The file of 1-based <paramref name="epoch"/> in <paramref name="runFolder"/>.</summary>
    public static string EpochFile(string runFolder, int epoch) =>
        Path.Combine(runFolder, Folder, string.Create(CultureInfo.InvariantCulture, $"epoch-{epoch:D3}.csv"));

    /// <summary>Records one step: the batch's training indices, the labels it trained on, its rank split and the forward output.</summary>
    public void Record(IReadOnlyList<int> batch, Tensor targets, IReadOnlyList<int> labelsUsed, RankSplit split, SiameseOutput output)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(labelsUsed);
        ArgumentNullException.ThrowIfNull(split);
        ArgumentNullException.ThrowIfNull(output);
        var losses = output.Branches.Select(b => PerSampleLoss(b, targets)).ToArray();
        for (int i = 0; i < batch.Count; i++)
            rows.Add(new Row(batch[i], labelsUsed[i], split.Alpha[i], split.IsLow[i], losses.Select(l => l[i]).ToArray()));
    }

    /// <summary>Writes the epoch's file and returns <paramref name="metrics"/> with the noise columns filled in; then starts afresh.</summary>
    public EpochMetrics EndEpoch(int epoch, LabelStore labels, EpochMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(metrics);
        var known = rows.Where(r => labels.Clean[r.Sample] is not null).ToArray();
        bool[] noisy = known.Select(r => r.Label != labels.Clean[r.Sample]).ToArray();
        var accounting = RelabelAccounting.Compute(labels.Given, labels.Current, labels.Clean);
        Write(EpochFile(runFolder, epoch), labels);
        rows.Clear();
        return metrics with
        {
            NoiseAuc = Finite(NoiseDetection.Auc(known.Select(r => 1.0 - r.Alpha).ToArray(), noisy)),
            NoisyBaseRate = Finite(NoiseDetection.Share(noisy, noisy.Select(_ => true).ToArray())),
            LowGroupNoisyShare = Finite(NoiseDetection.Share(noisy, known.Select(r => r.IsLow).ToArray())),
            RelabelNetPrecision = Finite(accounting.Precision),
            RelabelRecall = Finite(accounting.Recall),
            CleanLabelsBroken = accounting.CleanBroken,
        };
    }

    private void Write(string path, LabelStore labels)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var ci = CultureInfo.InvariantCulture;
        int branches = rows.Count == 0 ? 0 : rows[0].Loss.Length;
        // The path goes last, so that a reader splitting on the known column count is safe from commas in it.
        var text = new StringBuilder("sample,label,current_label,clean_label,noisy,alpha,group");
        for (int b = 0; b < branches; b++) text.Append(ci, $",loss_{(char)('a' + b)}");
        text.Append(",path\n");
        foreach (var r in rows.OrderBy(r => r.Sample))
        {
            int? clean = labels.Clean[r.Sample];
            string noisy = clean is int c ? (r.Label != c ? "1" : "0") : "";
            text.Append(ci, $"{r.Sample},{r.Label},{labels.Current[r.Sample]},{clean},{noisy},{r.Alpha:R},{(r.IsLow ? "L" : "H")}");
            foreach (float l in r.Loss) text.Append(ci, $",{l:R}");
            text.Append(ci, $",{paths[r.Sample]}\n");
        }
        File.WriteAllText(path, text.ToString());
    }

    /// <summary>The Eq. 4 term of each sample, CE(α·z, y), without reduction.</summary>
    private static float[] PerSampleLoss(BranchOutput branch, Tensor targets)
    {
        using var _ = no_grad();
        using var scope = NewDisposeScope();
        long n = branch.Logits.shape[0];
        var scaled = branch.Logits.mul(branch.Alpha.reshape(n, 1));
        var loss = nn.functional.cross_entropy(scaled, targets.reshape(n), reduction: nn.Reduction.None);
        return loss.cpu().to_type(ScalarType.Float32).data<float>().ToArray();
    }

    private static double? Finite(double v) => double.IsFinite(v) ? v : null;

    private sealed record Row(int Sample, int Label, float Alpha, bool IsLow, float[] Loss);
}
