using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using System.Reactive.Linq;
using System.Reactive.Subjects;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npa.Capture.Diagnostics;
using Npa.Capture.Frames;

namespace Npa.Capture.Sources;

/// <summary>
/// A bed's camera as <see cref="IObservable{Frame}"/>: reads an <see cref="IVideoDevice"/> on the injected scheduler, paces it,
/// loops or completes finite sources, and reconnects live ones with exponential backoff and jitter. Reads block the
/// scheduler's thread, so give each live camera its own (an <see cref="EventLoopScheduler"/>); tests use virtual time.
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
        Frames = Observable.Defer(Subscribe);
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

    /// <summary>
    /// Opens a camera of any kind but <see cref="CameraKind.Simulated"/> with OpenCV. A folder skips images that do not
    /// decode: each skip is counted (<see cref="BedCounters.Undecodable"/>) and each bad file logged once.
    /// </summary>
    public static CameraSource Open(CameraOptions options, IScheduler scheduler, Random random, CaptureMetrics? metrics = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var undecodable = new UndecodableImages(options.BedId, metrics, logger ?? NullLogger.Instance);
        Func<IVideoDevice> open = options.Kind switch
        {
            CameraKind.Folder => () => ImageFolderDevice.Open(options.Target, undecodable.Skipped),
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

    // One subscription: attempts share the frame count; a live camera's failed attempt is retried with back-off.
    private IObservable<Frame> Subscribe()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var sequence = new StrongBox<long>();
        int attempts = 0;
        var attempt = Observable.Create<Frame>(observer =>
        {
            if (attempts++ > 0) Publish(CameraStatus.Reconnecting);
            var loop = new CameraReadLoop(_options, _open, _scheduler, sequence, _metrics, Publish, observer);
            IDisposable scheduled = _scheduler.Schedule(TimeSpan.Zero, loop.Step);
            return Disposable.Create(() =>
            {
                scheduled.Dispose();
                loop.Stop();
            });
        });
        return _options.IsLive ? attempt.RetryWithBackoff(_options.Reconnect, _scheduler, _random) : attempt;
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
}
