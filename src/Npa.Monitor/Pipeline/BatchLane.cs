namespace Npa.Monitor.Pipeline;

/// <summary>
/// One bed's place at the <see cref="InferenceBatcher"/>: at most one frame waiting (the newest wins) and at most one in
/// the running batch. Its fields are guarded by the batcher's lock.
/// </summary>
internal sealed class BatchLane(string bedId, IObserver<AssessedFrame> observer, Action<PreparedFrame> skipped)
{
    public string BedId { get; } = bedId;

    public IObserver<AssessedFrame> Observer { get; } = observer;

    /// <summary>Disposes and counts a frame that will never be scored (superseded, dropped, failed).</summary>
    public Action<PreparedFrame> Skipped { get; } = skipped;

    /// <summary>The newest frame not yet taken into a batch.</summary>
    public PreparedFrame? Waiting { get; set; }

    /// <summary>When <see cref="Waiting"/> was handed over, on the batcher's clock.</summary>
    public DateTimeOffset WaitingSince { get; set; }

    /// <summary>True while this lane's frame is in a batch or its results are being delivered.</summary>
    public bool Busy { get; set; }

    /// <summary>The bed's frames ended; complete once the last one is delivered.</summary>
    public bool Completing { get; set; }

    /// <summary>Unsubscribed or completed: frames are disposed, nothing is delivered.</summary>
    public bool Closed { get; set; }
}
