namespace Npa.Trainer.Evaluation;

/// <summary>What rectification did to the labels so far, judged against the clean labels (reporting only).</summary>
/// <param name="Changed">Samples whose current label differs from the given one.</param>
/// <param name="ChangedToClean">Of those, how many now carry their clean label.</param>
/// <param name="Noisy">Samples whose given label differs from the clean one.</param>
/// <param name="NoisyFixed">Of those, how many now carry their clean label.</param>
/// <param name="CleanBroken">Samples given their clean label whose current label is another one.</param>
public sealed record RelabelAccounting(int Changed, int ChangedToClean, int Noisy, int NoisyFixed, int CleanBroken)
{
    /// <summary>Share of changed labels that are now clean; NaN when nothing changed.</summary>
    public double Precision => Changed == 0 ? double.NaN : (double)ChangedToClean / Changed;

    /// <summary>Share of the noisy labels that were fixed; NaN when none was noisy.</summary>
    public double Recall => Noisy == 0 ? double.NaN : (double)NoisyFixed / Noisy;

    /// <summary>Counts over the samples whose clean label is known.</summary>
    public static RelabelAccounting Compute(IReadOnlyList<int> given, IReadOnlyList<int> current, IReadOnlyList<int?> clean)
    {
        ArgumentNullException.ThrowIfNull(given);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(clean);
        if (given.Count != current.Count || given.Count != clean.Count)
            throw new ArgumentException($"given, current and clean labels differ in length ({given.Count}, {current.Count}, {clean.Count})");
        int changed = 0, changedToClean = 0, noisy = 0, fixedCount = 0, broken = 0;
        for (int i = 0; i < given.Count; i++)
        {
            if (clean[i] is not int c) continue;
            bool isChanged = current[i] != given[i], nowClean = current[i] == c;
            if (isChanged) changed++;
            if (isChanged && nowClean) changedToClean++;
            if (given[i] != c)
            {
                noisy++;
                if (nowClean) fixedCount++;
            }
            else if (!nowClean)
            {
                broken++;
            }
        }
        return new RelabelAccounting(changed, changedToClean, noisy, fixedCount, broken);
    }
}
