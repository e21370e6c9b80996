using Npa.Shared.Datasets;

namespace Npa.Trainer.Data;

/// <summary>Assigns train/validation/test per class in the given fractions, from a seed, for data without a split column.</summary>
public static class StratifiedSplitter
{
    /// <summary>
    /// Returns the entries (same order) with <see cref="DatasetEntry.Split"/> set. Per class, ⌊n·f + 0.5⌋ samples go to
    /// each held-out split, but at least one stays in training.
    /// </summary>
    public static IReadOnlyList<DatasetEntry> Split(IReadOnlyList<DatasetEntry> entries, double validationFraction, double testFraction, int seed)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var random = new Random(seed);
        var split = new DatasetSplit[entries.Count];
        foreach (var group in Enumerable.Range(0, entries.Count).GroupBy(i => entries[i].Label).OrderBy(g => g.Key))
        {
            var members = group.ToArray();
            random.Shuffle(members);
            int n = members.Length;
            int val = (int)Math.Floor(n * validationFraction + 0.5);
            int test = (int)Math.Floor(n * testFraction + 0.5);
            while (val + test >= n && val + test > 0)
            {
                if (test >= val && test > 0) test--;
                else val--;
            }
            for (int k = 0; k < n; k++)
                split[members[k]] = k < val ? DatasetSplit.Validation : k < val + test ? DatasetSplit.Test : DatasetSplit.Train;
        }
        return entries.Select((e, i) => e with { Split = split[i] }).ToArray();
    }
}
