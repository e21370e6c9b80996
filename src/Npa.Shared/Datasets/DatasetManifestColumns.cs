namespace Npa.Shared.Datasets;

/// <summary>Column names and value spellings of the dataset manifest CSV.</summary>
public static class DatasetManifestColumns
{
    /// <summary>Image path, relative to the CSV's folder or absolute.</summary>
    public const string Path = "path";

    /// <summary>Training label (possibly noisy or rectified), NIPS 0..C-1.</summary>
    public const string Label = "label";

    /// <summary>Known-clean label, where the data set has one (synthetic noise experiments).</summary>
    public const string CleanLabel = "clean_label";

    /// <summary>Subject (infant) id, for subject-wise splits.</summary>
    public const string Subject = "subject";

    /// <summary>train / val / test / val_clean.</summary>
    public const string Split = "split";

    /// <summary>Whether the face is partly occluded (pacifier, tape, hand): 1/0.</summary>
    public const string Occluded = "occluded";

    /// <summary>The known columns, in the order the writer emits them.</summary>
    public static IReadOnlyList<string> Known { get; } = [Path, Label, CleanLabel, Subject, Split, Occluded];

    /// <summary>True for a known column name.</summary>
    public static bool IsKnown(string name) => Known.Contains(name, StringComparer.Ordinal);

    /// <summary>Wire spelling of a split.</summary>
    public static string SplitName(DatasetSplit split) => split switch
    {
        DatasetSplit.Train => "train",
        DatasetSplit.Validation => "val",
        DatasetSplit.Test => "test",
        DatasetSplit.ValidationClean => "val_clean",
        _ => throw new ArgumentOutOfRangeException(nameof(split), split, "unknown split"),
    };

    /// <summary>Parses a split spelling (case-insensitive); false when unknown.</summary>
    public static bool TryParseSplit(string text, out DatasetSplit split)
    {
        switch (text.ToUpperInvariant())
        {
            case "TRAIN": split = DatasetSplit.Train; return true;
            case "VAL" or "VALIDATION": split = DatasetSplit.Validation; return true;
            case "TEST": split = DatasetSplit.Test; return true;
            case "VAL_CLEAN": split = DatasetSplit.ValidationClean; return true;
            default: split = default; return false;
        }
    }

    /// <summary>Parses an occlusion flag: 1/0, true/false, yes/no (case-insensitive); false when unknown.</summary>
    public static bool TryParseFlag(string text, out bool value)
    {
        switch (text.ToUpperInvariant())
        {
            case "1" or "TRUE" or "YES": value = true; return true;
            case "0" or "FALSE" or "NO": value = false; return true;
            default: value = false; return false;
        }
    }
}
