using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Npa.Monitor.Inference;

namespace Npa.Monitor.Pipeline;

/// <summary>Running one batch and handing its results back to each bed's lane.</summary>
public sealed partial class InferenceBatcher
{
    private float[] _buffer = [];

    private void Flush()
    {
        lock (_running)
        {
            var batch = new List<(BatchLane Lane, PreparedFrame Frame, DateTimeOffset Since)>(_maxBatch);
            lock (_gate)
            {
                _flush = null;
                if (_disposed) return;
                while (batch.Count < _maxBatch && _queue.Count > 0)
                {
                    var lane = _queue[0];
                    _queue.RemoveAt(0);
                    batch.Add((lane, lane.Waiting!, lane.WaitingSince));
                    lane.Waiting = null;
                    lane.Busy = true;
                }
            }
            if (batch.Count > 0) Run(batch);
            foreach (var (lane, _, _) in batch) Release(lane);
            lock (_gate) ScheduleFlushLocked();
        }
    }

    private void Run(List<(BatchLane Lane, PreparedFrame Frame, DateTimeOffset Since)> batch)
    {
        var model = _models.AcquireForBatch();
        var engine = model.Engine;
        var (c, h, w) = engine.InputShape;
        int size = c * h * w;
        var valid = new List<(BatchLane Lane, PreparedFrame Frame, DateTimeOffset Since)>(batch.Count);
        foreach (var item in batch)
        {
            if (item.Frame.Input?.Length == size) { valid.Add(item); continue; }
            _logger.LogWarning("bed {Bed}: frame {Seq} not scored: crop has {Length} values but model {Model} expects {C}x{H}x{W} = {Size}",
                item.Lane.BedId, item.Frame.Sequence, item.Frame.Input?.Length ?? 0, engine.ModelId, c, h, w, size);
            item.Lane.Skipped(item.Frame);
        }
        if (valid.Count == 0) return;
        if (_buffer.Length < valid.Count * size) _buffer = new float[_maxBatch * size];
        for (int i = 0; i < valid.Count; i++) valid[i].Frame.Input!.CopyTo(_buffer, i * size);

        IReadOnlyList<InferenceResult> results;
        long started = Stopwatch.GetTimestamp();
        try
        {
            results = engine.Run(_buffer.AsSpan(0, valid.Count * size), valid.Count);
            if (results.Count != valid.Count)
                throw new InvalidOperationException($"model {engine.ModelId} returned {results.Count} results for a batch of {valid.Count}");
        }
#pragma warning disable CA1031 // A failing batch loses its frames; the next batch must still run.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _logger.LogError(ex, "inference of a batch of {Count} failed on model {Model}", valid.Count, engine.ModelId);
            foreach (var item in valid) item.Lane.Skipped(item.Frame);
            return;
        }
        finally
        {
            Interlocked.Add(ref _inferenceMicros, (long)Stopwatch.GetElapsedTime(started).TotalMicroseconds);
        }
        Interlocked.Increment(ref _batches);
        Interlocked.Add(ref _items, valid.Count);
        var now = _scheduler.Now;
        for (int i = 0; i < valid.Count; i++)
        {
            var (lane, frame, since) = valid[i];
            var assessed = new AssessedFrame(frame, results[i], now, (now - since).TotalMilliseconds, model.AlphaThreshold);
            if (IsClosed(lane)) frame.Dispose();
            else lane.Observer.OnNext(assessed);
        }
    }

    // After its batch, a lane delivers the frames without a face that arrived meanwhile, then takes new ones again.
    private void Release(BatchLane lane)
    {
        while (true)
        {
            PreparedFrame? next = null;
            bool complete = false;
            lock (_gate)
            {
                if (lane.Waiting is { Outcome: not PreparedOutcome.Ready } waiting && !lane.Closed)
                {
                    next = waiting;
                    lane.Waiting = null;
                }
                else
                {
                    lane.Busy = false;
                    complete = lane.Completing && lane.Waiting is null && !lane.Closed;
                    if (complete) lane.Closed = true;
                }
            }
            if (next is null)
            {
                if (complete) lane.Observer.OnCompleted();
                return;
            }
            lane.Observer.OnNext(AssessedFrame.NotScored(next, _scheduler.Now));
        }
    }

    private bool IsClosed(BatchLane lane)
    {
        lock (_gate) return lane.Closed;
    }
}
