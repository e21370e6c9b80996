using System.Reactive;
using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using System.Reactive.Linq;
using Microsoft.Extensions.Logging;
using Npa.Capture.Sources;
using Npa.Monitor.Aggregation;
using Npa.Monitor.Configuration;
using Npa.Monitor.Publishing;

namespace Npa.Monitor.Pipeline;

/// <summary>
/// One bed's Rx chain on the injected clock: front end (camera → SampleLatest → detect + track → crop → gate →
/// preprocess) → <c>RetryWithBackoff</c> → <c>WatchCamera</c> → <c>ScoreBatched</c> (across beds) → <c>FlagFrames</c> →
/// outputs → aggregator (smoothing, alert state machine) → outputs' state updates. On a virtual-time scheduler the whole
/// path is deterministic. A failing bed never stops the others.
/// </summary>
public sealed partial class BedChain : IDisposable
{
    private static readonly TimeSpan TickInterval = TimeSpan.FromMilliseconds(250);
    private readonly BedOptions _bed;
    private readonly IBedFrontEnd? _frontEnd;
    private readonly InferenceBatcher _batcher;
    private readonly BedAggregator _aggregator;
    private readonly FlaggingStage? _flagging;
    private readonly IReadOnlyList<IBedOutput> _outputs;
    private readonly BedCounters _counters;
    private readonly IScheduler _scheduler;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _outputLock = new();
    private readonly SingleAssignmentDisposable _subscription = new();
    private int _disposed;

    public BedChain(BedOptions bed, IBedFrontEnd? frontEnd, InferenceBatcher batcher, BedAggregator aggregator, FlaggingStage? flagging,
        IReadOnlyList<IBedOutput> outputs, BedCounters counters, IScheduler scheduler, ILogger logger)
    {
        _bed = bed ?? throw new ArgumentNullException(nameof(bed));
        _frontEnd = frontEnd;
        _batcher = batcher ?? throw new ArgumentNullException(nameof(batcher));
        _aggregator = aggregator ?? throw new ArgumentNullException(nameof(aggregator));
        _flagging = flagging;
        _outputs = outputs ?? throw new ArgumentNullException(nameof(outputs));
        _counters = counters ?? throw new ArgumentNullException(nameof(counters));
        _scheduler = scheduler ?? throw new ArgumentNullException(nameof(scheduler));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    public string BedId => _bed.Id;

    /// <summary>The bed's state now.</summary>
    public BedSnapshot Current => _aggregator.Current;

    /// <summary>Shows the bed, then opens the camera and starts scoring.</summary>
    public void Start()
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        Publish(new BedUpdate(_aggregator.Current, [], true));
        if (_frontEnd is null) return;
        _subscription.Disposable = Observations(_frontEnd)
            .AggregateBed(_aggregator, TickInterval, _scheduler)
            .Subscribe(Publish);
    }

    /// <summary>Everything the aggregator hears about this bed: camera changes and the outcome of each sampled frame, in order.</summary>
    private IObservable<BedObservation> Observations(IBedFrontEnd frontEnd) => Observable.Create<BedObservation>(downstream =>
    {
        // Camera news comes from timers and status callbacks as well as from the frame path; one lock keeps it in order.
        var observer = Observer.Synchronize(downstream);
        // One watch for the whole subscription: the reconnect loop resubscribes below it, and must not restart its clock.
        var camera = new CameraWatch(CameraSilence.ForRate(frontEnd.FramesPerSecond), _scheduler,
            () => CameraAnswered(observer), quiet => CameraSilent(quiet, observer));
        var status = frontEnd.Status.Subscribe(s => OnCameraStatus(s, camera, observer));
        var frames = frontEnd.Frames
            .RetryWithBackoff(_bed.Camera.Reconnect, _scheduler, new Random(_bed.Seed), (error, delay) =>
            {
                camera.Down();
                CameraFailed(error, delay, observer);
            })
            .WatchCamera(camera)
            .ScoreBatched(_batcher, _bed.Id, () => _counters.AddSkipped())
            .FlagFrames(_flagging, _stop.Token)
            .SelectInOrder(PublishFrameAsync)
            .Subscribe(observer.OnNext, observer.OnError, () => CameraEnded(observer));
        return new CompositeDisposable(status, frames);
    });

    private void Publish(BedUpdate update)
    {
        // Serialized so outputs see a bed's updates in order, the first and last ones included.
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

    /// <summary>Stops the camera, ends a running episode (reason <c>shutdown</c>) and releases the front end.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        _stop.Cancel();
        _subscription.Dispose();
        if (_aggregator.Stop() is { } end) Publish(new BedUpdate(_aggregator.Current with { Episode = null }, [end], true));
        _frontEnd?.Dispose();
        _stop.Dispose();
    }
}
