namespace Npa.Trainer.Evaluation;

/// <summary>One training sample's fused α in a run's last epoch, and whether the label it trained on was noisy.</summary>
public sealed record AlphaSample(double Alpha, bool Noisy)
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
        return lines.Skip(1).Select(l => l.Split(',', header.Length))
            .Where(f => f[noisy].Length > 0)
            .Select(f => new AlphaSample(double.Parse(f[alpha], System.Globalization.CultureInfo.InvariantCulture), f[noisy] == "1"))
            .ToArray();
    }
}
