using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Npa.Monitor.Configuration;
using Npa.Monitor.Inference;
using Npa.Monitor.ModelSwap;

namespace Npa.Monitor.Pipeline;

/// <summary>
/// One model, many beds: requests from every bed queue here and run as one batch when the batch is full or its
/// oldest request has waited the maximum time. Results go back to each caller. When the queue is full the oldest
/// request is dropped (its caller gets null).
/// </summary>
public sealed class InferenceBatcher : IAsyncDisposable
{
    private readonly Channel<Request> _queue;
    private readonly ModelHolder _models;
    private readonly ILogger _logger;
    private readonly int _maxBatch;
    private readonly TimeSpan _maxWait;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private float[] _buffer = [];
    private long _batches, _items, _inferenceMicros;
    private int _disposed;

    public InferenceBatcher(ModelHolder models, InferenceOptions options, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _models = models ?? throw new ArgumentNullException(nameof(models));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _maxBatch = options.MaxBatchSize;
        _maxWait = TimeSpan.FromMilliseconds(options.MaxBatchWaitMs);
        _queue = Channel.CreateBounded<Request>(
            new BoundedChannelOptions(options.QueueCapacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            dropped => dropped.Completion.TrySetResult(null));
        _loop = Task.Run(() => RunAsync(_stop.Token));
    }

    /// <summary>Requests waiting now.</summary>
    public int QueueDepth => _queue.Reader.Count;

    /// <summary>Batches run so far.</summary>
    public long Batches => Interlocked.Read(ref _batches);

    /// <summary>Crops scored so far.</summary>
    public long Items => Interlocked.Read(ref _items);

    /// <summary>Total time spent inside the model, in milliseconds.</summary>
    public double InferenceMilliseconds => Interlocked.Read(ref _inferenceMicros) / 1000.0;

    /// <summary>Queues one crop of <paramref name="bedId"/>; completes with its result, or null when it was dropped from a full queue.</summary>
    public Task<InferenceResult?> ScoreAsync(string bedId, float[] input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        var request = new Request(bedId, input, Stopwatch.GetTimestamp(), new TaskCompletionSource<InferenceResult?>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(request)) request.Completion.TrySetResult(null);
        return ct.CanBeCanceled ? request.Completion.Task.WaitAsync(ct) : request.Completion.Task;
    }

    private async Task RunAsync(CancellationToken ct)
    {
        var batch = new List<Request>(_maxBatch);
        var reader = _queue.Reader;
        try
        {
            while (await reader.WaitToReadAsync(ct).ConfigureAwait(false))
            {
                batch.Clear();
                while (batch.Count < _maxBatch)
                {
                    if (reader.TryRead(out var r)) { batch.Add(r); continue; }
                    if (batch.Count == 0) break;
                    var left = _maxWait - Stopwatch.GetElapsedTime(batch[0].EnqueuedAt);
                    if (left <= TimeSpan.Zero) break;
                    var more = reader.WaitToReadAsync(ct).AsTask();
                    if (await Task.WhenAny(more, Task.Delay(left, ct)).ConfigureAwait(false) != more || !await more.ConfigureAwait(false)) break;
                }
                if (batch.Count > 0) RunBatch(batch);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopping: callers still waiting are answered below.
        }
        foreach (var r in batch) r.Completion.TrySetCanceled(CancellationToken.None);
        while (reader.TryRead(out var left)) left.Completion.TrySetCanceled(CancellationToken.None);
    }

    private void RunBatch(List<Request> batch)
    {
        var engine = _models.AcquireForBatch().Engine;
        var (c, h, w) = engine.InputShape;
        int size = c * h * w;
        var valid = new List<Request>(batch.Count);
        foreach (var r in batch)
        {
            if (r.Input.Length == size) valid.Add(r);
            else r.Completion.TrySetException(new InvalidOperationException(
                $"bed {r.BedId}: crop has {r.Input.Length} values but model {engine.ModelId} expects {c}x{h}x{w} = {size}"));
        }
        if (valid.Count == 0) return;
        if (_buffer.Length < valid.Count * size) _buffer = new float[_maxBatch * size];
        for (int i = 0; i < valid.Count; i++) valid[i].Input.CopyTo(_buffer, i * size);

        long started = Stopwatch.GetTimestamp();
        try
        {
            var results = engine.Run(_buffer.AsSpan(0, valid.Count * size), valid.Count);
            if (results.Count != valid.Count)
                throw new InvalidOperationException($"model {engine.ModelId} returned {results.Count} results for a batch of {valid.Count}");
            for (int i = 0; i < valid.Count; i++) valid[i].Completion.TrySetResult(results[i]);
        }
#pragma warning disable CA1031 // A failing batch fails its requests; the loop must keep serving the next one.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _logger.LogError(ex, "inference of a batch of {Count} failed on model {Model}", valid.Count, engine.ModelId);
            foreach (var r in valid) r.Completion.TrySetException(ex);
        }
        Interlocked.Add(ref _inferenceMicros, (long)Stopwatch.GetElapsedTime(started).TotalMicroseconds);
        Interlocked.Increment(ref _batches);
        Interlocked.Add(ref _items, valid.Count);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        _queue.Writer.TryComplete();
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _stop.Dispose();
    }

    private sealed record Request(string BedId, float[] Input, long EnqueuedAt, TaskCompletionSource<InferenceResult?> Completion);
}
