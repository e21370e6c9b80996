namespace Npa.Capture.Diagnostics;

/// <summary>Running frame counts of one bed (thread-safe); the Monitor reads them for <c>npa/stats</c>.</summary>
public sealed class BedCounters
{
    private long _captured;
    private long _assessed;
    private long _skipped;
    private long _rejected;
    private long _accepted;
    private long _undecodable;

    public BedCounters(string bedId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(bedId);
        BedId = bedId;
    }

    public string BedId { get; }

    /// <summary>Frames that reached the sampler.</summary>
    public long Captured => Interlocked.Read(ref _captured);

    /// <summary>Frames the sampler handed on for assessment.</summary>
    public long Assessed => Interlocked.Read(ref _assessed);

    /// <summary>Frames superseded by a newer one before they were assessed (and disposed).</summary>
    public long Skipped => Interlocked.Read(ref _skipped);

    /// <summary>Assessed frames the quality gate refused (no face, blur, exposure, ...).</summary>
    public long Rejected => Interlocked.Read(ref _rejected);

    /// <summary>Assessed frames the quality gate let through.</summary>
    public long Accepted => Interlocked.Read(ref _accepted);

    /// <summary>Image files a folder camera skipped because they did not decode (once per file per pass).</summary>
    public long Undecodable => Interlocked.Read(ref _undecodable);

    internal void AddCaptured() => Interlocked.Increment(ref _captured);

    internal void AddAssessed() => Interlocked.Increment(ref _assessed);

    internal void AddSkipped() => Interlocked.Increment(ref _skipped);

    internal void AddRejected() => Interlocked.Increment(ref _rejected);

    internal void AddAccepted() => Interlocked.Increment(ref _accepted);

    internal void AddUndecodable() => Interlocked.Increment(ref _undecodable);
}
