namespace Npa.Monitor.ModelSwap;

/// <summary>
/// The engine now serving, plus at most one validated replacement. The batcher takes the engine once per batch, so a
/// swap lands between batches and the old engine is disposed only when no batch can be using it.
/// </summary>
public sealed class ModelHolder : IDisposable
{
    private LoadedModel _current;
    private LoadedModel? _pending;
    private bool _disposed;

    public ModelHolder(LoadedModel initial)
    {
        ArgumentNullException.ThrowIfNull(initial);
        _current = initial;
    }

    /// <summary>The model serving now (its engine may be disposed right after a swap; use it only for its settings).</summary>
    public LoadedModel Current => Volatile.Read(ref _current);

    /// <summary>Id of the engine serving now.</summary>
    public string ModelId => Volatile.Read(ref _current).ModelId;

    /// <summary>Id of the validated engine waiting for the next batch, if any.</summary>
    public string? PendingModelId => Volatile.Read(ref _pending)?.ModelId;

    /// <summary>Raised (on the batcher's thread) after a swap, with the new model id.</summary>
    public event EventHandler<string>? Swapped;

    /// <summary>Queues <paramref name="next"/> for the next batch; a replacement that never served is disposed.</summary>
    public void Offer(LoadedModel next)
    {
        ArgumentNullException.ThrowIfNull(next);
        ObjectDisposedException.ThrowIf(_disposed, this);
        Interlocked.Exchange(ref _pending, next)?.Dispose();
    }

    /// <summary>Applies a queued swap, then returns the engine for this batch. Call only from the one batch loop.</summary>
    public LoadedModel AcquireForBatch()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var next = Interlocked.Exchange(ref _pending, null);
        if (next is null) return _current;
        var old = Interlocked.Exchange(ref _current, next);
        old.Dispose();
        Swapped?.Invoke(this, next.ModelId);
        return next;
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        Interlocked.Exchange(ref _pending, null)?.Dispose();
        _current.Dispose();
    }
}
