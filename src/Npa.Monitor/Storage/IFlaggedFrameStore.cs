namespace Npa.Monitor.Storage;

/// <summary>Keeps doubtful frames (row + PNG crop) for the relabelling loop.</summary>
public interface IFlaggedFrameStore : IDisposable
{
    /// <summary>Flagged frames now stored.</summary>
    int Count { get; }

    /// <summary>Stores a flagged frame and its PNG crop, unless the bed's rate limit or the quota says no.</summary>
    Task<FlagStoreOutcome> AddAsync(FlaggedFrameCandidate candidate, ReadOnlyMemory<byte> cropPng, CancellationToken ct = default);

    /// <summary>The frame with this id, or null.</summary>
    FlaggedFrame? Find(string id);

    /// <summary>Frames oldest first, all or only those with <paramref name="status"/>.</summary>
    IReadOnlyList<FlaggedFrame> List(RelabelStatus? status = null);

    /// <summary>Full path of a frame's crop file (sealed when the store encrypts crops).</summary>
    string CropPath(FlaggedFrame frame);

    /// <summary>The frame's plain PNG crop; a sealed crop that fails its check throws <see cref="CropUnreadableException"/>.</summary>
    Task<byte[]> ReadCropAsync(FlaggedFrame frame, CancellationToken ct = default);

    /// <summary>Records annotator labels in one transaction: an unknown id or a label outside 0..7 applies none of them.</summary>
    void ApplyLabels(IReadOnlyList<AnnotatorLabel> labels);

    /// <summary>Marks pending frames as exported to annotators (labelled frames stay labelled).</summary>
    void MarkExported(IReadOnlyCollection<string> ids);

    /// <summary>Deletes frames past the retention time and, while over the disk quota, the oldest ones; returns how many went.</summary>
    int Prune();
}
