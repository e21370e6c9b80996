using System.Reactive.Concurrency;
using Microsoft.Extensions.Logging;
using Npa.Monitor.Configuration;
using Npa.Monitor.ModelSwap;

namespace Npa.Monitor.Pipeline;

/// <summary>
/// One model, many beds: each bed hands over its newest frame (<see cref="ScoreBatchedExtensions.ScoreBatched"/>) and the
/// waiting frames of all beds run as one batch once <see cref="InferenceOptions.MaxBatchSize"/> are waiting or the oldest
/// has waited <see cref="InferenceOptions.MaxBatchWaitMs"/>, timed on the injected scheduler (virtual time in tests and
/// replay). A bed keeps one frame waiting: a newer one replaces it and the older is counted as skipped, so a slow model
/// never backs up a camera. Batches run one at a time, so a model swap lands between two of them.
/// </summary>
public sealed partial class InferenceBatcher : IDisposable
{
    private readonly Lock _gate = new();
    private readonly Lock _running = new();
    private readonly List<BatchLane> _queue = [];
    private readonly ModelHolder _models;
    private readonly IScheduler _scheduler;
    private readonly ILogger _logger;
    private readonly int _maxBatch, _capacity;
    private readonly TimeSpan _maxWait;
    private IDisposable? _flush;
    private DateTimeOffset _flushDue;
    private long _batches, _items, _inferenceMicros;
    private bool _disposed;

    public InferenceBatcher(ModelHolder models, InferenceOptions options, IScheduler scheduler, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _models = models ?? throw new ArgumentNullException(nameof(models));
        _scheduler = scheduler ?? throw new ArgumentNullException(nameof(scheduler));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _maxBatch = options.MaxBatchSize;
        _capacity = options.QueueCapacity;
        _maxWait = TimeSpan.FromMilliseconds(options.MaxBatchWaitMs);
    }

    /// <summary>Frames waiting for the model now, across beds.</summary>
    public int QueueDepth
    {
        get { lock (_gate) return _queue.Count; }
    }

    /// <summary>Batches run so far.</summary>
    public long Batches => Interlocked.Read(ref _batches);

    /// <summary>Crops scored so far.</summary>
    public long Items => Interlocked.Read(ref _items);

    /// <summary>Total time spent inside the model, in milliseconds of CPU wall time (a cost, not a clock).</summary>
    public double InferenceMilliseconds => Interlocked.Read(ref _inferenceMicros) / 1000.0;

    /// <summary>Opens a lane for one bed; results and not-assessable frames go to <paramref name="observer"/> in the bed's order.</summary>
    internal BatchLane Join(string bedId, IObserver<AssessedFrame> observer, Action<PreparedFrame> skipped)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return new BatchLane(bedId, observer, skipped);
    }

    /// <summary>Hands over the bed's newest frame (the batcher owns it from here).</summary>
    internal void Submit(BatchLane lane, PreparedFrame frame)
    {
        PreparedFrame? superseded;
        (BatchLane? Lane, PreparedFrame? Frame) dropped = default;
        bool deliverNow = false;
        lock (_gate)
        {
            if (lane.Closed || _disposed)
            {
                superseded = frame;
            }
            else
            {
                superseded = TakeWaiting(lane);
                if (frame.Outcome != PreparedOutcome.Ready && !lane.Busy)
                {
                    // Nothing of this bed is ahead of it: a frame without a face goes straight on, in order.
                    deliverNow = true;
                }
                else
                {
                    lane.Waiting = frame;
                    lane.WaitingSince = _scheduler.Now;
                    if (frame.Outcome == PreparedOutcome.Ready)
                    {
                        _queue.Add(lane);
                        if (_queue.Count > _capacity) dropped = (_queue[0], TakeWaiting(_queue[0]));
                        ScheduleFlushLocked();
                    }
                }
            }
        }
        if (superseded is not null) lane.Skipped(superseded);
        if (dropped.Frame is not null) dropped.Lane!.Skipped(dropped.Frame);
        if (deliverNow) lane.Observer.OnNext(AssessedFrame.NotScored(frame, _scheduler.Now));
    }

    /// <summary>The bed's frames ended: completes the lane once its last frame is delivered.</summary>
    internal void Complete(BatchLane lane)
    {
        bool now;
        lock (_gate)
        {
            lane.Completing = true;
            now = !lane.Busy && lane.Waiting is null && !lane.Closed;
            if (now) lane.Closed = true;
        }
        if (now) lane.Observer.OnCompleted();
    }

    /// <summary>Closes the lane; a waiting frame is released, a frame in the running batch is disposed when it returns.</summary>
    internal void Leave(BatchLane lane)
    {
        PreparedFrame? waiting;
        lock (_gate)
        {
            lane.Closed = true;
            waiting = TakeWaiting(lane);
        }
        waiting?.Dispose();
    }

    private PreparedFrame? TakeWaiting(BatchLane lane)
    {
        var waiting = lane.Waiting;
        lane.Waiting = null;
        _queue.Remove(lane);
        return waiting;
    }

    private void ScheduleFlushLocked()
    {
        if (_queue.Count == 0 || _disposed) return;
        var due = _queue.Count >= _maxBatch ? _scheduler.Now : _queue[0].WaitingSince + _maxWait;
        if (_flush is not null && _flushDue <= due) return;
        _flush?.Dispose();
        _flushDue = due;
        var wait = due - _scheduler.Now;
        _flush = _scheduler.Schedule(wait < TimeSpan.Zero ? TimeSpan.Zero : wait, Flush);
    }

    public void Dispose()
    {
        List<PreparedFrame> left;
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            _flush?.Dispose();
            _flush = null;
            left = _queue.Select(l => l.Waiting).OfType<PreparedFrame>().ToList();
            foreach (var lane in _queue) lane.Waiting = null;
            _queue.Clear();
        }
        // Wait for a running batch, so the model holder is not disposed under it.
        lock (_running) { }
        foreach (var frame in left) frame.Dispose();
    }
}
