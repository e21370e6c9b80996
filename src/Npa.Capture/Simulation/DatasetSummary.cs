using System.Globalization;
using System.Text;
using Npa.Shared.Datasets;
using Npa.Shared.Nips;

namespace Npa.Capture.Simulation;

/// <summary>Class counts per split and noisy labels per class, like the paper's Table I.</summary>
public sealed class DatasetSummary
{
    public DatasetSummary(IReadOnlyList<DatasetEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        foreach (var e in entries)
        {
            int clean = e.CleanLabel ?? e.Label;
            if (e.Split == DatasetSplit.Test) _test[clean]++; else _train[clean]++;
            if (e.Label != clean) _noisy[clean]++;
            if (e.Occluded == true) _occluded[clean]++;
        }
    }

    private readonly int[] _train = new int[NipsScale.ClassCount];
    private readonly int[] _test = new int[NipsScale.ClassCount];
    private readonly int[] _noisy = new int[NipsScale.ClassCount];
    private readonly int[] _occluded = new int[NipsScale.ClassCount];

    /// <summary>Images per clean class in the training split.</summary>
    public IReadOnlyList<int> Train => _train;

    public IReadOnlyList<int> Test => _test;

    /// <summary>Images per clean class whose label differs from the clean one.</summary>
    public IReadOnlyList<int> Noisy => _noisy;

    public IReadOnlyList<int> Occluded => _occluded;

    /// <summary>A markdown table: NIPS score, band, train, test, total, noisy labels, occluded.</summary>
    public string ToMarkdown()
    {
        var sb = new StringBuilder();
        sb.AppendLine("| NIPS | band | train | test | total | noisy labels | occluded |");
        sb.AppendLine("|---:|---|---:|---:|---:|---:|---:|");
        for (int c = 0; c < NipsScale.ClassCount; c++)
            sb.AppendLine(CultureInfo.InvariantCulture, $"| {c} | {NipsScale.WireName(NipsScale.CategoryOf(c))} | {Train[c]} | {Test[c]} | {Train[c] + Test[c]} | {Noisy[c]} | {Occluded[c]} |");
        sb.AppendLine(CultureInfo.InvariantCulture, $"| all | | {Train.Sum()} | {Test.Sum()} | {Train.Sum() + Test.Sum()} | {Noisy.Sum()} | {Occluded.Sum()} |");
        return sb.ToString();
    }
}
