using Npa.Shared.Datasets;
using Npa.Shared.Nips;

namespace Npa.Capture.Simulation;

/// <summary>
/// Splits subjects (not images) into train and test, stratified by class: subjects are taken largest first and
/// each goes to the split whose per-class counts fall furthest short of its share for that subject's classes.
/// </summary>
public static class SubjectSplitter
{
    /// <summary>Split of each subject, indexed like <paramref name="subjectLabels"/>.</summary>
    public static DatasetSplit[] Split(IReadOnlyList<IReadOnlyList<int>> subjectLabels, double trainFraction, int seed)
    {
        ArgumentNullException.ThrowIfNull(subjectLabels);
        if (!(trainFraction is > 0 and < 1)) throw new ArgumentOutOfRangeException(nameof(trainFraction), trainFraction, "train fraction must lie strictly between 0 and 1");
        var totals = new double[NipsScale.ClassCount];
        foreach (var labels in subjectLabels)
            foreach (int c in labels) totals[c]++;
        var train = new double[NipsScale.ClassCount];
        var test = new double[NipsScale.ClassCount];
        var splits = new DatasetSplit[subjectLabels.Count];
        var rng = new Random(seed);
        var order = Enumerable.Range(0, subjectLabels.Count).Select(i => (i, key: rng.Next()))
            .OrderByDescending(x => subjectLabels[x.i].Count).ThenBy(x => x.key).Select(x => x.i);
        foreach (int s in order)
        {
            double trainNeed = 0, testNeed = 0;
            foreach (int c in subjectLabels[s])
            {
                trainNeed += (trainFraction * totals[c] - train[c]) / Math.Max(1, totals[c]);
                testNeed += ((1 - trainFraction) * totals[c] - test[c]) / Math.Max(1, totals[c]);
            }
            bool toTrain = trainNeed > testNeed || (trainNeed == testNeed && rng.NextDouble() < trainFraction);
            splits[s] = toTrain ? DatasetSplit.Train : DatasetSplit.Test;
            foreach (int c in subjectLabels[s]) (toTrain ? train : test)[c]++;
        }
        return splits;
    }
}
