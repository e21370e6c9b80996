namespace Npa.Capture.Simulation.Rendering;

/// <summary>
/// The last few painted heads of one timeline. A bed's expression is held for a second while the head only moves, so at
/// 4 frames a second three of four frames reuse a patch instead of painting it again: same pixels, less than half the
/// cost. Thread-safe (render-ahead paints on the thread pool); a patch in use is never disposed under its user, and
/// after <see cref="Dispose"/> each call paints its own.
/// </summary>
internal sealed class HeadPatchCache : IDisposable
{
    private const int Capacity = 4;

    private readonly Lock _gate = new();
    // Most recently used last.
    private readonly List<Entry> _entries = [];
    private bool _disposed;

    /// <summary>Runs <paramref name="use"/> with the patch of <paramref name="spec"/>, painting it only when no cached one matches.</summary>
    public T With<T>(FaceSceneSpec spec, Func<HeadPatch, T> use)
    {
        var key = HeadPatch.KeyOf(spec);
        Entry entry;
        lock (_gate)
        {
            if (_disposed) return Uncached(spec, use);
            int at = _entries.FindIndex(e => e.Key == key);
            if (at >= 0)
            {
                entry = _entries[at];
                _entries.RemoveAt(at);
            }
            else
            {
                entry = new Entry(key);
            }
            _entries.Add(entry);
            entry.Users++;
        }
        try
        {
            return use(entry.Patch.Value);
        }
        catch when (entry.Patch.IsValueCreated is false)
        {
            // Painting failed: forget the entry, or its Lazy would hand the same exception to every later frame.
            lock (_gate) _entries.Remove(entry);
            throw;
        }
        finally
        {
            lock (_gate)
            {
                entry.Users--;
                Trim();
            }
        }
    }

    // A render still running after its camera closed: paint for it alone.
    private static T Uncached<T>(FaceSceneSpec spec, Func<HeadPatch, T> use)
    {
        using var patch = HeadPatch.Paint(spec);
        return use(patch);
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            Trim();
        }
    }

    // Drops the least recently used patches nobody is drawing from, down to the capacity (to none once disposed).
    private void Trim()
    {
        int keep = _disposed ? 0 : Capacity;
        for (int i = 0; i < _entries.Count && _entries.Count > keep;)
        {
            var e = _entries[i];
            if (e.Users > 0) { i++; continue; }
            _entries.RemoveAt(i);
            if (e.Patch.IsValueCreated) e.Patch.Value.Dispose();
        }
    }

    private sealed class Entry(FaceSceneSpec key)
    {
        public FaceSceneSpec Key { get; } = key;

        public Lazy<HeadPatch> Patch { get; } = new(() => HeadPatch.Paint(key), LazyThreadSafetyMode.ExecutionAndPublication);

        public int Users { get; set; }
    }
}
