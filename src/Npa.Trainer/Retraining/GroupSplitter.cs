using Npa.Shared.Datasets;

namespace Npa.Trainer.Retraining;

/// <summary>
/// Splits whole groups (beds, subjects), never single rows, so that frames of one bed cannot sit on both sides of
/// train/validation/held-out. The groups are shuffled with a seed; fractions count groups, not rows.
/// </summary>
public static class GroupSplitter
{
    /// <summary>Assigns a split to every group key: held-out first, then validation, the rest train (at least one group stays train).</summary>
    public static IReadOnlyDictionary<string, DatasetSplit> Assign(IEnumerable<string> groups, double validationFraction, double heldoutFraction, int seed)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentOutOfRangeException.ThrowIfNegative(validationFraction);
        ArgumentOutOfRangeException.ThrowIfNegative(heldoutFraction);
        if (validationFraction + heldoutFraction >= 1) throw new ArgumentException("validation + held-out fractions must be below 1");
        var keys = groups.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        new Random(seed).Shuffle(keys);
        int n = keys.Length;
        int held = Count(n, heldoutFraction, minGroups: 3);
        int val = Math.Min(Count(n, validationFraction, minGroups: 2), n - held - 1);
        var result = new Dictionary<string, DatasetSplit>(StringComparer.Ordinal);
        for (int i = 0; i < n; i++)
            result[keys[i]] = i < held ? DatasetSplit.Test : i < held + Math.Max(0, val) ? DatasetSplit.Validation : DatasetSplit.Train;
        return result;
    }

    // A non-zero fraction gets at least one group once there are enough groups to spare one.
    private static int Count(int groups, double fraction, int minGroups) =>
        fraction <= 0 || groups < minGroups ? 0 : Math.Max(1, (int)Math.Round(groups * fraction, MidpointRounding.AwayFromZero));
}
