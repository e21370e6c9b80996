namespace Npa.Monitor.Pipeline;

/// <summary>Running counts of one bed, written by its pipeline stages and read by the stats collector.</summary>
public sealed class BedCounters
{
    private long _cameraFrames, _skipped, _assessed, _noFace, _lowQuality, _flagged, _cameraErrors, _latencyMicros;

    private Npa.Capture.Diagnostics.BedCounters? _capture;

    public BedCounters(string bedId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(bedId);
        BedId = bedId;
    }

    public string BedId { get; }

    /// <summary>Frames delivered by the camera.</summary>
    public long CameraFrames => Interlocked.Read(ref _cameraFrames) + (Volatile.Read(ref _capture)?.Captured ?? 0);

    /// <summary>Frames dropped before assessment (sampler, busy pipeline, full inference queue).</summary>
    public long Skipped => Interlocked.Read(ref _skipped) + (Volatile.Read(ref _capture)?.Skipped ?? 0);

    /// <summary>Adds the capture chain's own counts (camera frames, sampler skips) to this bed's.</summary>
    public void Link(Npa.Capture.Diagnostics.BedCounters capture) => Volatile.Write(ref _capture, capture);

    public long Assessed => Interlocked.Read(ref _assessed);

    public long NoFace => Interlocked.Read(ref _noFace);

    public long LowQuality => Interlocked.Read(ref _lowQuality);

    public long Flagged => Interlocked.Read(ref _flagged);

    public long CameraErrors => Interlocked.Read(ref _cameraErrors);

    public void AddCameraFrames(long n = 1) => Interlocked.Add(ref _cameraFrames, n);

    public void AddSkipped(long n = 1) => Interlocked.Add(ref _skipped, n);

    /// <summary>Sum of assessment latencies (queue to result), in milliseconds.</summary>
    public double LatencyMilliseconds => Interlocked.Read(ref _latencyMicros) / 1000.0;

    public void AddAssessed(double latencyMs)
    {
        Interlocked.Increment(ref _assessed);
        Interlocked.Add(ref _latencyMicros, (long)(latencyMs * 1000));
    }

    public void AddNoFace() => Interlocked.Increment(ref _noFace);

    public void AddLowQuality() => Interlocked.Increment(ref _lowQuality);

    public void AddFlagged() => Interlocked.Increment(ref _flagged);

    public void AddCameraError() => Interlocked.Increment(ref _cameraErrors);
}
