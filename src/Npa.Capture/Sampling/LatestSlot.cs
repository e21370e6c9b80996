using Npa.Capture.Diagnostics;
using Npa.Capture.Frames;

namespace Npa.Capture.Sampling;

/// <summary>One-frame buffer between a producer and the sampler's ticks; owns the frame it holds.</summary>
internal sealed class LatestSlot(CaptureMetrics? metrics)
{
    private readonly Lock _gate = new();
    private Frame? _latest;
    private Exception? _error;
    private bool _completed;
    private bool _closed;

    public void Put(Frame frame)
    {
        Frame? superseded;
        lock (_gate)
        {
            if (_closed)
            {
                superseded = frame;
            }
            else
            {
                metrics?.Captured(frame.BedId);
                superseded = _latest;
                _latest = frame;
            }
        }

        if (superseded is not null)
        {
            metrics?.Skipped(superseded.BedId);
            superseded.Dispose();
        }
    }

    public void Fail(Exception error)
    {
        lock (_gate)
        {
            _error = error;
        }
    }

    public void Complete()
    {
        lock (_gate)
        {
            _completed = true;
        }
    }

    /// <summary>Hands the newest frame (if any) to <paramref name="observer"/>; false once the stream has ended.</summary>
    public bool Tick(IObserver<Frame> observer)
    {
        Frame? frame;
        Exception? error;
        bool completed;
        lock (_gate)
        {
            if (_closed)
            {
                return false;
            }

            frame = _latest;
            _latest = null;
            error = _error;
            completed = _completed;
            if (error is not null)
            {
                _closed = true;
            }
        }

        if (error is not null)
        {
            // An error ends the stream at once; a frame still waiting is released, not delivered.
            if (frame is not null)
            {
                metrics?.Skipped(frame.BedId);
                frame.Dispose();
            }

            observer.OnError(error);
            return false;
        }

        if (frame is not null)
        {
            metrics?.Assessed(frame.BedId);
            observer.OnNext(frame);
            return true;
        }

        if (completed)
        {
            Close();
            observer.OnCompleted();
            return false;
        }

        return true;
    }

    /// <summary>Stops accepting frames and releases the one held.</summary>
    public void Close()
    {
        Frame? pending;
        lock (_gate)
        {
            _closed = true;
            pending = _latest;
            _latest = null;
        }

        if (pending is not null)
        {
            metrics?.Skipped(pending.BedId);
            pending.Dispose();
        }
    }
}
