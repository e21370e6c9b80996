using Npa.Shared.Nips;

namespace Npa.Shared.Datasets;

/// <summary>
/// Synthetic label noise for robustness experiments. Pure and deterministic: the same inputs and seed give the same
/// result (<see cref="System.Random"/> with the seed). Counts are rounded to the nearest integer, halves away from zero.
/// </summary>
public static class LabelNoise
{
    /// <summary>The paper's noise rate: 10 % of each class.</summary>
    public const double PaperFraction = 0.10;

    private static readonly int[] Epsilons = [1, 2, 3];

    /// <summary>
    /// The paper's Eq. 9: for <paramref name="fraction"/> of each class, ŷ = y ± ε with ε uniform in {1,2,3} and a random
    /// sign. Where that sign leaves [0, C-1] the other is taken; where both do, ε is drawn again. Every chosen label changes.
    /// </summary>
    public static LabelNoiseResult AddPaperNoise(
        IReadOnlyList<int> labels, int seed, double fraction = PaperFraction, int classCount = NipsScale.ClassCount)
    {
        Check(labels, classCount);
        CheckRate(fraction, nameof(fraction));
        var groups = Enumerable.Range(0, classCount).Select(c => Indices(labels, i => labels[i] == c)).ToList();
        return Apply(labels, groups.Select(g => (g, fraction)), LabelNoiseKind.Adjacent, classCount, seed);
    }

    /// <summary>Replaces <paramref name="fraction"/> of all labels (chosen uniformly) with a uniformly drawn different class.</summary>
    public static LabelNoiseResult AddSymmetricNoise(
        IReadOnlyList<int> labels, int seed, double fraction, int classCount = NipsScale.ClassCount)
    {
        Check(labels, classCount);
        CheckRate(fraction, nameof(fraction));
        var all = Enumerable.Range(0, labels.Count).ToList();
        return Apply(labels, [(all, fraction)], LabelNoiseKind.Symmetric, classCount, seed);
    }

    /// <summary>
    /// Occlusion-correlated noise: <paramref name="occludedRate"/> of the occluded samples and
    /// <paramref name="unoccludedRate"/> of the others are changed as <paramref name="kind"/> says.
    /// </summary>
    public static LabelNoiseResult AddOcclusionNoise(
        IReadOnlyList<int> labels,
        IReadOnlyList<bool> occluded,
        int seed,
        double occludedRate,
        double unoccludedRate,
        LabelNoiseKind kind = LabelNoiseKind.Symmetric,
        int classCount = NipsScale.ClassCount)
    {
        Check(labels, classCount);
        ArgumentNullException.ThrowIfNull(occluded);
        if (occluded.Count != labels.Count)
            throw new ArgumentException($"got {occluded.Count} occlusion flags for {labels.Count} labels", nameof(occluded));
        CheckRate(occludedRate, nameof(occludedRate));
        CheckRate(unoccludedRate, nameof(unoccludedRate));
        var groups = new[] { (Indices(labels, i => occluded[i]), occludedRate), (Indices(labels, i => !occluded[i]), unoccludedRate) };
        return Apply(labels, groups, kind, classCount, seed);
    }

    /// <summary>
    /// Eq. 9's noise model as a matrix: <c>T[y][ŷ]</c> is the probability that <see cref="AddPaperNoise"/> at
    /// <paramref name="fraction"/> gives ŷ for clean label y (1 − fraction on the diagonal; ε uniform over the values that
    /// fit, and where one sign leaves the range all of that ε's share goes to the other). Rows sum to 1.
    /// </summary>
    public static double[][] PaperTransition(double fraction, int classCount = NipsScale.ClassCount)
    {
        CheckRate(fraction, nameof(fraction));
        if (classCount < 2) throw new ArgumentOutOfRangeException(nameof(classCount), classCount, "label noise needs at least 2 classes");
        var rows = new double[classCount][];
        for (int y = 0; y < classCount; y++)
        {
            var row = rows[y] = new double[classCount];
            row[y] = 1 - fraction;
            int[] fitting = Epsilons.Where(e => y - e >= 0 || y + e < classCount).ToArray();
            foreach (int e in fitting)
            {
                bool down = y - e >= 0, up = y + e < classCount;
                double share = fraction / fitting.Length;
                if (down) row[y - e] += up ? share / 2 : share;
                if (up) row[y + e] += down ? share / 2 : share;
            }
        }
        return rows;
    }

    /// <summary><see cref="AddSymmetricNoise"/>'s model as a matrix: 1 − fraction on the diagonal, fraction / (C − 1) elsewhere.</summary>
    public static double[][] SymmetricTransition(double fraction, int classCount = NipsScale.ClassCount)
    {
        CheckRate(fraction, nameof(fraction));
        if (classCount < 2) throw new ArgumentOutOfRangeException(nameof(classCount), classCount, "label noise needs at least 2 classes");
        return Enumerable.Range(0, classCount)
            .Select(y => Enumerable.Range(0, classCount).Select(k => k == y ? 1 - fraction : fraction / (classCount - 1)).ToArray())
            .ToArray();
    }

    /// <summary>The number of samples chosen from a group of <paramref name="groupSize"/> at <paramref name="fraction"/>.</summary>
    public static int ChosenCount(int groupSize, double fraction) =>
        (int)Math.Round(groupSize * fraction, MidpointRounding.AwayFromZero);

    private static LabelNoiseResult Apply(
        IReadOnlyList<int> labels, IEnumerable<(List<int> Members, double Fraction)> groups, LabelNoiseKind kind, int classCount, int seed)
    {
        var random = new Random(seed);
        var noisy = labels.ToArray();
        var flipped = new List<int>();
        foreach (var (members, fraction) in groups)
        {
            int count = ChosenCount(members.Count, fraction);
            // Partial Fisher–Yates: the first `count` slots become a uniform sample without replacement.
            for (int k = 0; k < count; k++)
            {
                int j = random.Next(k, members.Count);
                (members[k], members[j]) = (members[j], members[k]);
                int index = members[k];
                noisy[index] = kind == LabelNoiseKind.Adjacent
                    ? Adjacent(labels[index], classCount, random)
                    : Symmetric(labels[index], classCount, random);
                flipped.Add(index);
            }
        }
        flipped.Sort();
        return new LabelNoiseResult(noisy, flipped);
    }

    private static int Adjacent(int label, int classCount, Random random)
    {
        while (true)
        {
            int epsilon = Epsilons[random.Next(Epsilons.Length)];
            int sign = random.Next(2) == 0 ? -1 : 1;
            int candidate = label + sign * epsilon;
            if (candidate >= 0 && candidate < classCount) return candidate;
            candidate = label - sign * epsilon;
            if (candidate >= 0 && candidate < classCount) return candidate;
            // Both signs leave the range for this ε (only with fewer than 7 classes); ε = 1 always fits, so this ends.
        }
    }

    private static int Symmetric(int label, int classCount, Random random)
    {
        int other = random.Next(classCount - 1);
        return other >= label ? other + 1 : other;
    }

    private static List<int> Indices(IReadOnlyList<int> labels, Func<int, bool> predicate) =>
        Enumerable.Range(0, labels.Count).Where(predicate).ToList();

    private static void Check(IReadOnlyList<int> labels, int classCount)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (classCount < 2) throw new ArgumentOutOfRangeException(nameof(classCount), classCount, "label noise needs at least 2 classes");
        for (int i = 0; i < labels.Count; i++)
        {
            if (labels[i] < 0 || labels[i] >= classCount)
                throw new ArgumentException($"label {labels[i]} at index {i} is out of range 0..{classCount - 1}", nameof(labels));
        }
    }

    private static void CheckRate(double rate, string name)
    {
        if (!(rate >= 0 && rate <= 1)) throw new ArgumentOutOfRangeException(name, rate, $"{name} must lie in [0, 1]");
    }
}
