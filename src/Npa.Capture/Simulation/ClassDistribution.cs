using System.Globalization;
using Npa.Shared.Nips;

namespace Npa.Capture.Simulation;

/// <summary>Relative class frequencies over NIPS 0..7: uniform, the paper's Table I, or explicit <c>class:weight</c> pairs.</summary>
public sealed class ClassDistribution
{
    /// <summary>The paper's Table I counts.</summary>
    public const string PaperTable1 = "0:76 1:25 2:12 3:20 4:21 5:32 6:177 7:250";

    private readonly double[] _weights;

    private ClassDistribution(double[] weights, string name)
    {
        _weights = weights;
        Name = name;
    }

    public string Name { get; }

    public static ClassDistribution Uniform { get; } = new(Enumerable.Repeat(1.0, NipsScale.ClassCount).ToArray(), "uniform");

    public static ClassDistribution Paper { get; } = Parse(PaperTable1);

    /// <summary>Weight of a class (not normalised).</summary>
    public double Weight(int nips) => _weights[nips];

    /// <summary>"uniform", "paper" (or "table1"), or pairs like "0:76 1:25 ... 7:250" (missing classes weigh 0).</summary>
    public static ClassDistribution Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string t = text.Trim();
        if (t.Equals("uniform", StringComparison.OrdinalIgnoreCase)) return Uniform;
        if (t.Equals("paper", StringComparison.OrdinalIgnoreCase) || t.Equals("table1", StringComparison.OrdinalIgnoreCase)) return Parse(PaperTable1);
        var weights = new double[NipsScale.ClassCount];
        foreach (var pair in t.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split(':');
            if (parts.Length != 2
                || !int.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out int c)
                || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double w))
                throw new FormatException($"class distribution '{text}': '{pair}' is not class:weight (expected 'uniform', 'paper' or e.g. '{PaperTable1}')");
            if (!NipsScale.IsValidScore(c)) throw new FormatException($"class distribution '{text}': class {c} is outside 0..{NipsScale.MaxScore}");
            if (!(w >= 0) || double.IsInfinity(w)) throw new FormatException($"class distribution '{text}': weight {parts[1]} of class {c} must be finite and non-negative");
            weights[c] = w;
        }
        if (weights.Sum() <= 0) throw new FormatException($"class distribution '{text}' has no positive weight");
        return new ClassDistribution(weights, t);
    }

    /// <summary>Exact per-class counts summing to <paramref name="total"/> (largest remainder).</summary>
    public int[] Counts(int total)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(total);
        double sum = _weights.Sum();
        var exact = _weights.Select(w => w / sum * total).ToArray();
        var counts = exact.Select(e => (int)Math.Floor(e)).ToArray();
        int left = total - counts.Sum();
        foreach (int c in Enumerable.Range(0, counts.Length).OrderByDescending(c => exact[c] - counts[c]).ThenBy(c => c).Take(left))
            counts[c]++;
        return counts;
    }
}
