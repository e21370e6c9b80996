namespace Npa.Trainer.Evaluation;

/// <summary>
/// One training sample's fused α in a run's last epoch, whether the label it trained on was noisy, and the branches' mean
/// per-sample cross-entropy on that label (null in a file without loss columns).
/// </summary>
public sealed record AlphaSample(double Alpha, bool Noisy, double? Loss = null)
{
    /// <summary>
    /// Reads the <c>alpha</c> and <c>noisy</c> columns of a <c>noise/epoch-NNN.csv</c>; rows without a known clean label
    /// are left out. The path column comes last, so a comma inside a path cannot shift the others.
    /// </summary>
    public static IReadOnlyList<AlphaSample> Read(string csvPath)
    {
        var lines = File.ReadAllLines(csvPath);
        if (lines.Length == 0) return [];
        var header = lines[0].Split(',');
        int alpha = Array.IndexOf(header, "alpha"), noisy = Array.IndexOf(header, "noisy");
        if (alpha < 0 || noisy < 0) throw new InvalidDataException($"{csvPath}: no alpha or noisy column");
        int[] losses = [.. Enumerable.Range(0, header.Length).Where(i => header[i].StartsWith("loss_", StringComparison.Ordinal))];
        var ci = System.Globalization.CultureInfo.InvariantCulture;
        return lines.Skip(1).Select(l => l.Split(',', header.Length))
            .Where(f => f[noisy].Length > 0)
            .Select(f => new AlphaSample(double.Parse(f[alpha], ci), f[noisy] == "1",
                losses.Length == 0 ? null : losses.Average(i => double.Parse(f[i], ci))))
            .ToArray();
    }
}
