using Npa.Monitor.Storage;

namespace Npa.Monitor.Tests.Support;

/// <summary>An in-memory store that answers at once, keeping every other frame: lets a virtual-time test see which frames were kept.</summary>
internal sealed class AlternatingFlagStore : IFlaggedFrameStore
{
    private int _offered;

    public int Count { get; private set; }

    public Task<FlagStoreOutcome> AddAsync(FlaggedFrameCandidate candidate, ReadOnlyMemory<byte> cropPng, CancellationToken ct = default)
    {
        if (_offered++ % 2 == 1) return Task.FromResult(FlagStoreOutcome.RateLimited);
        Count++;
        return Task.FromResult(FlagStoreOutcome.Stored);
    }

    public FlaggedFrame? Find(string id) => null;

    public IReadOnlyList<FlaggedFrame> List(RelabelStatus? status = null) => [];

    public string CropPath(FlaggedFrame frame) => "";

    public Task<byte[]> ReadCropAsync(FlaggedFrame frame, CancellationToken ct = default) => Task.FromResult(Array.Empty<byte>());

    public void ApplyLabels(IReadOnlyList<AnnotatorLabel> labels)
    {
    }

    public void MarkExported(IReadOnlyCollection<string> ids)
    {
    }

    public int Prune() => 0;

    public void Dispose()
    {
    }
}
