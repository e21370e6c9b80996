namespace Npa.Shared.Datasets;

/// <summary>One row of a dataset manifest: an image and its labels.</summary>
/// <param name="Path">Image path. The reader returns it resolved to a full path.</param>
/// <param name="Label">Training label, 0..C-1.</param>
public sealed record DatasetEntry(string Path, int Label)
{
    private static readonly IReadOnlyDictionary<string, string> NoExtra = new Dictionary<string, string>();

    /// <summary>Known-clean label, where the data set has one.</summary>
    public int? CleanLabel { get; init; }

    /// <summary>Subject (infant) id.</summary>
    public string? Subject { get; init; }

    /// <summary>Experiment split.</summary>
    public DatasetSplit? Split { get; init; }

    /// <summary>Whether the face is partly occluded.</summary>
    public bool? Occluded { get; init; }

    /// <summary>
    /// Further columns (pose, yaw, roll, …) by name. The reader keeps the CSV's column order and leaves out empty
    /// cells; the writer emits these columns after the known ones, in first-seen order.
    /// </summary>
    public IReadOnlyDictionary<string, string> Extra { get; init; } = NoExtra;

    /// <summary>Value equality, including the extra columns (compared as a set of name/value pairs).</summary>
    public bool Equals(DatasetEntry? other)
    {
        if (other is null) return false;
        if (ReferenceEquals(this, other)) return true;
        return string.Equals(Path, other.Path, StringComparison.Ordinal)
            && Label == other.Label
            && CleanLabel == other.CleanLabel
            && string.Equals(Subject, other.Subject, StringComparison.Ordinal)
            && Split == other.Split
            && Occluded == other.Occluded
            && ExtraEquals(Extra, other.Extra);
    }

    /// <inheritdoc/>
    public override int GetHashCode() =>
        HashCode.Combine(StringComparer.Ordinal.GetHashCode(Path), Label, CleanLabel, Subject, Split, Occluded, Extra.Count);

    private static bool ExtraEquals(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b)
    {
        if (a.Count != b.Count) return false;
        foreach (var (key, value) in a)
            if (!b.TryGetValue(key, out var other) || !string.Equals(value, other, StringComparison.Ordinal)) return false;
        return true;
    }
}
