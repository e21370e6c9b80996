namespace Npa.Monitor.Models.Promotion;

/// <summary>
/// The paths beside the monitor's watched model package: the previous package, the history and the lock. They are
/// siblings, not children, so that the watcher (which reacts to the package path and what is under it) sees only the
/// swap itself, and on the same file system, so that the swap is one rename.
/// </summary>
/// <param name="modelPath">Inference:ModelPath, the package the monitor serves and watches.</param>
public sealed class ModelSlots(string modelPath)
{
    /// <summary>The watched package (folder, or .zip when the path says so).</summary>
    public string Current { get; } = Path.GetFullPath(modelPath).TrimEnd(Path.DirectorySeparatorChar);

    /// <summary>The package the last promotion or rollback replaced.</summary>
    public string Previous => Current + ".previous";

    /// <summary>One JSON line per promotion or rollback.</summary>
    public string History => Current + ".history.jsonl";

    /// <summary>Whether the package is one .zip file rather than a folder.</summary>
    public bool IsZip => Current.EndsWith(".zip", StringComparison.OrdinalIgnoreCase);

    /// <summary>The folder that holds all of them.</summary>
    public string Parent => Path.GetDirectoryName(Current) ?? throw new InvalidOperationException($"model path '{Current}' has no parent folder");

    /// <summary>Held while a promotion or rollback runs, so that two at once cannot interleave their swaps.</summary>
    public string Lock => Path.Combine(Parent, $".{Path.GetFileName(Current)}.lock");

    /// <summary>A fresh hidden name to copy a package into before it is swapped in.</summary>
    public string NewStaging() => Path.Combine(Parent, $".{Path.GetFileName(Current)}.incoming-{Guid.NewGuid():N}");
}
