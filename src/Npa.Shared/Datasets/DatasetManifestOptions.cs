using Npa.Shared.Nips;

namespace Npa.Shared.Datasets;

/// <summary>How strictly <see cref="DatasetManifestReader"/> checks a manifest.</summary>
public sealed record DatasetManifestOptions
{
    /// <summary>Defaults: 8 classes (NIPS 0..7), image files must exist.</summary>
    public static DatasetManifestOptions Default { get; } = new();

    /// <summary>Number of classes; labels must lie in 0..ClassCount-1.</summary>
    public int ClassCount { get; init; } = NipsScale.ClassCount;

    /// <summary>Whether every image file must exist (off for manifests describing files elsewhere).</summary>
    public bool CheckFilesExist { get; init; } = true;

    /// <summary>Throws <see cref="ArgumentException"/> with a readable message when the options are unusable.</summary>
    public void Validate()
    {
        if (ClassCount < 2)
            throw new ArgumentException($"DatasetManifestOptions.ClassCount must be at least 2, got {ClassCount}");
    }
}
