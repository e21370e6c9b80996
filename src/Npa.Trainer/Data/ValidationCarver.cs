using Npa.Shared.Datasets;

namespace Npa.Trainer.Data;

/// <summary>
/// Moves part of the training split into validation for manifests that give only train/test (as <c>npa-train synth</c>
/// does): whole subjects when the manifest names them, so that no infant is in both; otherwise stratified per class.
/// </summary>
public static class ValidationCarver
{
    /// <summary>Returns the entries (same order) with about <paramref name="fraction"/> of the training rows moved to validation.</summary>
    public static IReadOnlyList<DatasetEntry> Carve(IReadOnlyList<DatasetEntry> entries, double fraction, int seed)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var train = Enumerable.Range(0, entries.Count).Where(i => entries[i].Split == DatasetSplit.Train).ToArray();
        int wanted = (int)Math.Round(train.Length * fraction, MidpointRounding.AwayFromZero);
        if (wanted == 0) return entries;
        var result = entries.ToArray();
        if (train.All(i => entries[i].Subject is not null))
        {
            var subjects = train.Select(i => entries[i].Subject!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
            if (subjects.Length < 2) throw new InvalidDataException("the training split has a single subject; a subject-wise validation split needs two or more");
            new Random(seed).Shuffle(subjects);
            var bySubject = train.ToLookup(i => entries[i].Subject!, StringComparer.Ordinal);
            int moved = 0;
            // Keep at least one subject for training.
            for (int s = 0; s < subjects.Length - 1 && moved < wanted; s++)
            {
                foreach (int i in bySubject[subjects[s]]) result[i] = entries[i] with { Split = DatasetSplit.Validation };
                moved += bySubject[subjects[s]].Count();
            }
            return result;
        }
        var split = StratifiedSplitter.Split(train.Select(i => entries[i]).ToArray(), fraction, 0, seed);
        for (int k = 0; k < train.Length; k++) result[train[k]] = split[k];
        return result;
    }
}
