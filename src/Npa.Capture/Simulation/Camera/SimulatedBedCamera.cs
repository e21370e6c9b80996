using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using System.Reactive.Linq;
using System.Reactive.Subjects;
using Npa.Capture.Frames;

namespace Npa.Capture.Simulation.Camera;

/// <summary>
/// A bedside camera driven by a <see cref="BedScript"/>: frames at the configured fps on the given scheduler
/// (virtual time in tests), nothing during dropouts (status Offline, then Online again), and the ground truth of
/// every tick on <see cref="GroundTruth"/>.
/// </summary>
public sealed class SimulatedBedCamera : IFrameSource, IDisposable
{
    private readonly IScheduler _scheduler;
    private readonly BehaviorSubject<CameraStatus> _status = new(CameraStatus.Offline);
    private readonly Subject<FrameGroundTruth> _truth = new();
    private int _disposed;

    public SimulatedBedCamera(BedScript script, SimulatedCameraOptions options, IScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(scheduler);
        Timeline = new BedTimeline(script, options);
        _scheduler = scheduler;
        Frames = Observable.Create<Frame>(Run);
    }

    public string BedId => Timeline.Script.BedId;

    public BedTimeline Timeline { get; }

    /// <summary>Cold: each subscription starts the script at the scheduler's current time.</summary>
    public IObservable<Frame> Frames { get; }

    /// <summary>Replays the current status, then each change.</summary>
    public IObservable<CameraStatus> Status => _status.AsObservable();

    /// <summary>Hot: one item per tick of a running subscription, including ticks lost to dropouts.</summary>
    public IObservable<FrameGroundTruth> GroundTruth => _truth.AsObservable();

    private IDisposable Run(IObserver<Frame> observer)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        var start = _scheduler.Now;
        var ahead = new RenderAhead(Timeline, Timeline.Options.RenderAhead);
        var subscription = new CompositeDisposable();
        var work = _scheduler.Schedule(0L, start, (long sequence, Action<long, DateTimeOffset> next) =>
        {
            if (subscription.IsDisposed) return;
            if (Timeline.IsPastEnd(sequence))
            {
                SetStatus(CameraStatus.Offline);
                observer.OnCompleted();
                return;
            }
            var truth = Timeline.GroundTruth(sequence, start);
            ahead.Plan(sequence + 1);
            SetStatus(truth.CameraOnline ? CameraStatus.Online : CameraStatus.Offline);
            _truth.OnNext(truth);
            if (truth.CameraOnline)
            {
                if (Timeline.Options.RenderAhead > 0)
                {
                    // Rendered ahead on idle cores: take it now, so that no planned render is left behind.
                    Frame frame;
                    using (var rendered = ahead.Take(sequence))
                        frame = new Frame(BedId, sequence, truth.Timestamp, rendered.DetachImage());
                    observer.OnNext(frame);
                }
                else
                {
                    // Rendered on first use: frames that the latest-frame-wins sampler skips are never drawn.
                    long n = sequence;
                    observer.OnNext(new Frame(BedId, sequence, truth.Timestamp, () =>
                    {
                        using var rendered = Timeline.Render(n);
                        return rendered.DetachImage();
                    }));
                }
            }
            next(sequence + 1, start + Timeline.OffsetOf(sequence + 1));
        });
        subscription.Add(work);
        subscription.Add(ahead);
        subscription.Add(Disposable.Create(() => SetStatus(CameraStatus.Offline)));
        return subscription;
    }

    private void SetStatus(CameraStatus status)
    {
        if (_disposed == 0 && _status.Value != status) _status.OnNext(status);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        _status.OnCompleted();
        _truth.OnCompleted();
        _status.Dispose();
        _truth.Dispose();
        Timeline.Dispose();
    }
}
