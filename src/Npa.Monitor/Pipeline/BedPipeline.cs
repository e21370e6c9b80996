using System.Diagnostics;
using System.Reactive.Concurrency;
using System.Reactive.Subjects;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Npa.Capture.Frames;
using Npa.Monitor.Aggregation;
using Npa.Monitor.Configuration;
using Npa.Monitor.ModelSwap;

namespace Npa.Monitor.Pipeline;

/// <summary>
/// Runs one bed: keeps its camera open (reopening with back-off after a failure), scores ready crops through the
/// shared batcher, feeds the aggregator and hands results to the outputs. A failing bed never stops the others.
/// </summary>
public sealed class BedPipeline : IAsyncDisposable
{
    private static readonly TimeSpan TickInterval = TimeSpan.FromMilliseconds(250);
    private readonly BedOptions _bed;
    private readonly IBedFrontEnd? _frontEnd;
    private readonly InferenceBatcher _batcher;
    private readonly ModelHolder _models;
    private readonly BedAggregator _aggregator;
    private readonly IReadOnlyList<IBedOutput> _outputs;
    private readonly BedCounters _counters;
    private readonly IScheduler _scheduler;
    private readonly ILogger _logger;
    private readonly ISubject<BedObservation> _observations;
    private readonly Channel<PreparedFrame> _frames;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<IDisposable> _subscriptions = [];
    private readonly List<Task> _loops = [];
    private readonly object _outputLock = new();
    private int _disposed;

    public BedPipeline(BedOptions bed, IBedFrontEnd? frontEnd, InferenceBatcher batcher, ModelHolder models, BedAggregator aggregator,
        IReadOnlyList<IBedOutput> outputs, BedCounters counters, IScheduler scheduler, ILogger logger)
    {
        _bed = bed ?? throw new ArgumentNullException(nameof(bed));
        _frontEnd = frontEnd;
        _batcher = batcher ?? throw new ArgumentNullException(nameof(batcher));
        _models = models ?? throw new ArgumentNullException(nameof(models));
        _aggregator = aggregator ?? throw new ArgumentNullException(nameof(aggregator));
        _outputs = outputs ?? throw new ArgumentNullException(nameof(outputs));
        _counters = counters ?? throw new ArgumentNullException(nameof(counters));
        _scheduler = scheduler ?? throw new ArgumentNullException(nameof(scheduler));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _observations = Subject.Synchronize(new Subject<BedObservation>());
        // Latest frame wins: a bed that cannot keep up drops (and counts) the older frame.
        _frames = Channel.CreateBounded<PreparedFrame>(
            new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            dropped => { dropped.Dispose(); _counters.AddSkipped(); });
    }

    public string BedId => _bed.Id;

    /// <summary>The bed's state now.</summary>
    public BedSnapshot Current => _aggregator.Current;

    /// <summary>Opens the camera and starts scoring.</summary>
    public void Start()
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        Publish(new BedUpdate(_aggregator.Current, [], true));
        if (_frontEnd is null) return;
        _subscriptions.Add(_observations.AggregateBed(_aggregator, TickInterval, _scheduler).Subscribe(Publish));
        var camera = new BedCamera(_bed, _frontEnd, Accept, Observe, () => _aggregator.Current.Camera, _counters, _scheduler, _logger, _stop.Token);
        _subscriptions.Add(_frontEnd.Status.Subscribe(camera.OnStatus));
        _loops.Add(Task.Run(() => camera.RunAsync(_stop.Token)));
        _loops.Add(Task.Run(() => ScoreLoopAsync(_stop.Token)));
    }

    // Latest frame wins: when the bed is still scoring, the waiting frame is replaced (and counted as skipped).
    private void Accept(PreparedFrame frame)
    {
        if (!_frames.Writer.TryWrite(frame)) frame.Dispose();
    }

    /// <summary>Feeds an observation to this bed's aggregator (used for camera errors and by the loops).</summary>
    private void Observe(BedObservation observation)
    {
        if (_disposed == 0) _observations.OnNext(observation);
    }

    private void Publish(BedUpdate update)
    {
        // Serialized so outputs see a bed's updates in order even when the tick and a frame race.
        lock (_outputLock)
        {
            foreach (var output in _outputs)
            {
                try { output.OnUpdate(update); }
#pragma warning disable CA1031 // One broken output must not stop the others or the bed.
                catch (Exception ex) { _logger.LogError(ex, "bed {Bed}: output {Output} failed on a state update", _bed.Id, output.GetType().Name); }
#pragma warning restore CA1031
            }
        }
    }

    private async Task ScoreLoopAsync(CancellationToken ct)
    {
        try
        {
            await foreach (var frame in _frames.Reader.ReadAllAsync(ct).ConfigureAwait(false))
            {
                using (frame) await ScoreAsync(frame, ct).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task ScoreAsync(PreparedFrame frame, CancellationToken ct)
    {
        switch (frame.Outcome)
        {
            case PreparedOutcome.NoFace:
                _counters.AddNoFace();
                Observe(BedObservation.NoFace(_scheduler.Now));
                return;
            case PreparedOutcome.LowQuality:
                _counters.AddLowQuality();
                Observe(BedObservation.LowQuality(_scheduler.Now, frame.Reason ?? "low_quality"));
                return;
        }
        long started = Stopwatch.GetTimestamp();
        Inference.InferenceResult? result;
        try
        {
            result = await _batcher.ScoreAsync(_bed.Id, frame.Input!, ct).ConfigureAwait(false);
        }
        catch (InvalidOperationException ex)
        {
            _counters.AddSkipped();
            _logger.LogWarning("bed {Bed}: frame {Seq} not scored: {Reason}", _bed.Id, frame.Sequence, ex.Message);
            return;
        }
        if (result is null)
        {
            _counters.AddSkipped();
            return;
        }
        var assessed = new AssessedFrame(frame, result, _scheduler.Now, Stopwatch.GetElapsedTime(started).TotalMilliseconds, _models.Current.AlphaThreshold);
        _counters.AddAssessed(assessed.LatencyMs);
        foreach (var output in _outputs)
        {
            try { await output.OnAssessedAsync(assessed, ct).ConfigureAwait(false); }
            catch (OperationCanceledException) when (ct.IsCancellationRequested) { throw; }
#pragma warning disable CA1031 // One broken output must not stop the others or the bed.
            catch (Exception ex) { _logger.LogError(ex, "bed {Bed}: output {Output} failed on frame {Seq}", _bed.Id, output.GetType().Name, frame.Sequence); }
#pragma warning restore CA1031
        }
        if (assessed.Flagged) _counters.AddFlagged();
        Observe(BedObservation.Assessed(assessed.Time, result));
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        await _stop.CancelAsync().ConfigureAwait(false);
        _frames.Writer.TryComplete();
        try { await Task.WhenAll(_loops).ConfigureAwait(false); }
        catch (OperationCanceledException) { /* stopping */ }
        foreach (var s in _subscriptions) s.Dispose();
        while (_frames.Reader.TryRead(out var left)) left.Dispose();
        if (_aggregator.Stop() is { } end) Publish(new BedUpdate(_aggregator.Current with { Episode = null }, [end], true));
        _frontEnd?.Dispose();
        _stop.Dispose();
    }
}
