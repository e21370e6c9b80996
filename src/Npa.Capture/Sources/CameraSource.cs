using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using System.Reactive.Linq;
using System.Reactive.Subjects;
using Npa.Capture.Diagnostics;
using Npa.Capture.Frames;
using OpenCvSharp;

namespace Npa.Capture.Sources;

/// <summary>
/// A bed's camera as <see cref="IObservable{Frame}"/>: reads an <see cref="IVideoDevice"/> on the injected scheduler, paces it,
/// loops or completes finite sources, and reconnects live ones with exponential backoff and jitter.
/// Ownership: each emitted <see cref="Frame"/> (and its Mat) belongs to the subscriber, which must dispose it.
/// </summary>
public sealed class CameraSource : IFrameSource, IDisposable
{
    private readonly CameraOptions _options;
    private readonly Func<IVideoDevice> _open;
    private readonly IScheduler _scheduler;
    private readonly Random _random;
    private readonly CaptureMetrics? _metrics;
    private readonly Subject<CameraStatus> _status = new();
    private readonly Lock _statusGate = new();
    private CameraStatus _current = CameraStatus.Offline;
    private bool _disposed;

    /// <param name="open">Opens the device; throws when it cannot (the exception message is surfaced).</param>
    /// <param name="random">Source of jitter; pass a seeded one for reproducible delays.</param>
    public CameraSource(CameraOptions options, Func<IVideoDevice> open, IScheduler scheduler, Random random, CaptureMetrics? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(open);
        ArgumentNullException.ThrowIfNull(scheduler);
        ArgumentNullException.ThrowIfNull(random);
        string[] problems = options.Validate().ToArray();
        if (problems.Length > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }

        _options = options;
        _open = open;
        _scheduler = scheduler;
        _random = random;
        _metrics = metrics;
        Frames = Observable.Create<Frame>(Subscribe);
    }

    public string BedId => _options.BedId;

    public IObservable<Frame> Frames { get; }

    public IObservable<CameraStatus> Status => _status;

    /// <summary>The last status emitted.</summary>
    public CameraStatus CurrentStatus
    {
        get
        {
            lock (_statusGate)
            {
                return _current;
            }
        }
    }

    /// <summary>Opens a camera of any kind but <see cref="CameraKind.Simulated"/> with OpenCV.</summary>
    public static CameraSource Open(CameraOptions options, IScheduler scheduler, Random random, CaptureMetrics? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Func<IVideoDevice> open = options.Kind switch
        {
            CameraKind.Folder => () => ImageFolderDevice.Open(options.Target),
            CameraKind.Device or CameraKind.Stream or CameraKind.File => () => OpenCvVideoDevice.Open(options.Kind, options.Target),
            _ => throw new ArgumentException($"CameraSource cannot open a {options.Kind} camera; use the simulated camera's own source.", nameof(options)),
        };
        return new CameraSource(options, open, scheduler, random, metrics);
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _status.OnCompleted();
        _status.Dispose();
    }

    private IDisposable Subscribe(IObserver<Frame> observer)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var loop = new ReadLoop(this, observer);
        IDisposable scheduled = _scheduler.Schedule(TimeSpan.Zero, loop.Step);
        return Disposable.Create(() =>
        {
            scheduled.Dispose();
            loop.Stop();
        });
    }

    private void Publish(CameraStatus status)
    {
        lock (_statusGate)
        {
            if (_current == status || _disposed)
            {
                return;
            }

            _current = status;
            _status.OnNext(status);
        }
    }

    /// <summary>State of one subscription; every step runs under its lock so that Stop never races a read.</summary>
    private sealed class ReadLoop(CameraSource owner, IObserver<Frame> observer)
    {
        private readonly Lock _gate = new();
        private readonly Backoff _backoff = new(owner._options.Reconnect, owner._random);
        private IVideoDevice? _device;
        private TimeSpan _period;
        private long _sequence;
        private bool _stopped;

        public void Step(Action<TimeSpan> again)
        {
            TimeSpan? next;
            lock (_gate)
            {
                next = _stopped ? null : StepLocked();
            }

            if (next is { } delay)
            {
                again(delay);
            }
        }

        public void Stop()
        {
            lock (_gate)
            {
                _stopped = true;
                _device?.Dispose();
                _device = null;
            }

            owner.Publish(CameraStatus.Offline);
        }

        /// <summary>One open or read; returns the delay before the next step, or null when the loop ends.</summary>
        private TimeSpan? StepLocked()
        {
            CameraOptions options = owner._options;
            if (_device is null)
            {
                if (_backoff.Attempt > 0)
                {
                    owner.Publish(CameraStatus.Reconnecting);
                }

                try
                {
                    _device = owner._open();
                }
                catch (Exception ex) when (options.IsLive && ex is IOException or OpenCvSharpException or InvalidOperationException)
                {
                    owner.Publish(CameraStatus.Offline);
                    return _backoff.Next();
                }
                catch (Exception ex)
                {
                    owner.Publish(CameraStatus.Offline);
                    observer.OnError(ex);
                    return null;
                }

                double? fps = options.Fps ?? (options.Kind == CameraKind.Folder ? 10.0 : options.IsLive ? null : _device.NativeFps);
                _period = fps is { } f ? TimeSpan.FromSeconds(1.0 / f) : TimeSpan.Zero;
                owner.Publish(CameraStatus.Online);
            }

            Mat? image;
            bool read;
            long start = System.Diagnostics.Stopwatch.GetTimestamp();
            try
            {
                read = _device.TryRead(out image);
            }
            catch (Exception ex) when (options.IsLive && ex is IOException or OpenCvSharpException)
            {
                DropDevice();
                owner.Publish(CameraStatus.Offline);
                return _backoff.Next();
            }
            catch (Exception ex) when (!options.IsLive)
            {
                DropDevice();
                owner.Publish(CameraStatus.Offline);
                observer.OnError(ex);
                return null;
            }

            if (read && image is not null)
            {
                owner._metrics?.RecordStage(CaptureStage.Decode, options.BedId, System.Diagnostics.Stopwatch.GetElapsedTime(start));
                _backoff.Reset();
                observer.OnNext(new Frame(options.BedId, ++_sequence, owner._scheduler.Now, image));
                return _period;
            }

            DropDevice();
            if (options.IsLive)
            {
                owner.Publish(CameraStatus.Offline);
                return _backoff.Next();
            }

            if (options.Loop)
            {
                return _period;
            }

            owner.Publish(CameraStatus.Offline);
            observer.OnCompleted();
            return null;
        }

        private void DropDevice()
        {
            _device?.Dispose();
            _device = null;
        }
    }
}
