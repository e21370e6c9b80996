using Npa.Capture.Simulation.Rendering;

namespace Npa.Capture.Simulation.Camera;

/// <summary>
/// Renders a timeline's next frames on the thread pool while the camera's clock is busy elsewhere. A frame is a pure
/// function of the script and its sequence number, so rendering it early gives the same pixels; on a virtual clock the
/// camera's ticks then wait only for renders still running. Owns the renders it holds.
/// </summary>
internal sealed class RenderAhead(BedTimeline timeline, int depth) : IDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<long, Task<RenderedFace>> _pending = [];
    private long _planned = -1;
    private bool _disposed;

    /// <summary>Frame <paramref name="sequence"/>, rendered ahead or now; the caller owns it.</summary>
    public RenderedFace Take(long sequence)
    {
        Task<RenderedFace>? ready;
        lock (_gate) _pending.Remove(sequence, out ready);
        return ready is null ? timeline.Render(sequence) : ready.GetAwaiter().GetResult();
    }

    /// <summary>Starts rendering the frames up to <paramref name="depth"/> ticks after <paramref name="sequence"/> that the camera will deliver.</summary>
    public void Plan(long sequence)
    {
        if (depth == 0) return;
        lock (_gate)
        {
            if (_disposed) return;
            for (long s = Math.Max(sequence, _planned + 1); s < sequence + depth; s++)
            {
                _planned = s;
                if (timeline.IsPastEnd(s) || !timeline.Script.StateAt(timeline.OffsetOf(s)).CameraOnline) continue;
                long next = s;
                _pending[next] = Task.Run(() => timeline.Render(next));
            }
        }
    }

    public void Dispose()
    {
        List<Task<RenderedFace>> left;
        lock (_gate)
        {
            _disposed = true;
            left = [.. _pending.Values];
            _pending.Clear();
        }
        foreach (var task in left)
            task.ContinueWith(t => t.Result.Dispose(), CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
    }
}
