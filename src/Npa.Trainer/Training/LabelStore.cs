using System.Text.Json;

namespace Npa.Trainer.Training;

/// <summary>The training labels as they evolve: given (possibly noisy) labels, current (rectified) labels, and clean labels where known.</summary>
public sealed class LabelStore
{
    private readonly int[] current;

    /// <summary>Starts with current = given.</summary>
    public LabelStore(IReadOnlyList<int> given, IReadOnlyList<int?> clean)
    {
        ArgumentNullException.ThrowIfNull(given);
        ArgumentNullException.ThrowIfNull(clean);
        if (given.Count != clean.Count) throw new ArgumentException($"{given.Count} labels but {clean.Count} clean labels", nameof(clean));
        Given = given.ToArray();
        Clean = clean.ToArray();
        current = given.ToArray();
    }

    /// <summary>Labels as given to training (after any injected noise).</summary>
    public IReadOnlyList<int> Given { get; }

    /// <summary>Clean labels (null where unknown).</summary>
    public IReadOnlyList<int?> Clean { get; }

    /// <summary>Current labels; rectified ones persist.</summary>
    public IReadOnlyList<int> Current => current;

    /// <summary>Number of samples.</summary>
    public int Count => current.Length;

    /// <summary>Replaces the current label of <paramref name="sample"/>.</summary>
    public void Set(int sample, int label) => current[sample] = label;

    /// <summary>Fraction of samples whose current label equals the clean one (over samples with a clean label), or null.</summary>
    public double? CleanAgreement()
    {
        int known = 0, agree = 0;
        for (int i = 0; i < current.Length; i++)
        {
            if (Clean[i] is not int c) continue;
            known++;
            if (c == current[i]) agree++;
        }
        return known == 0 ? null : (double)agree / known;
    }

    /// <summary>Writes the current labels (for resume).</summary>
    public void Save(string path) => File.WriteAllText(path, JsonSerializer.Serialize(current));

    /// <summary>Restores current labels written by <see cref="Save"/>; the count must match.</summary>
    public void Load(string path)
    {
        var saved = JsonSerializer.Deserialize<int[]>(File.ReadAllText(path))
            ?? throw new InvalidDataException($"{path} holds no labels");
        if (saved.Length != current.Length)
            throw new InvalidDataException($"{path} holds {saved.Length} labels but the training set has {current.Length}; resume needs the same data");
        saved.CopyTo(current, 0);
    }
}
