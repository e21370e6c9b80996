using System.Reactive.Concurrency;
using System.Reactive.Disposables;

namespace Npa.Monitor.Pipeline;

/// <summary>
/// Tells a camera that answers from one that stays silent, over a bed's whole subscription. The clock runs from the last
/// frame (or from the start, with the opening allowance) and reconnect attempts do not restart it. A silence is reported
/// once, and only when nothing else has said the camera is down (a failure, or its source going offline), so a camera
/// that keeps reconnecting is not reported again with each attempt. The first frame after a silence or a failure reports
/// the camera answering. Thread-safe: frames, failures and the timer arrive on different threads.
/// </summary>
internal sealed class CameraWatch : IDisposable
{
    private readonly CameraSilence _silence;
    private readonly IScheduler _scheduler;
    private readonly Action _answered;
    private readonly Action<TimeSpan> _silent;
    private readonly Lock _gate = new();
    private readonly SerialDisposable _timer = new();
    private DateTimeOffset _quietSince;
    private DateTimeOffset _deadline;
    private DateTimeOffset _armedFor;
    private bool _live;
    private bool _reported;
    private bool _stopped;

    /// <param name="answered">The camera's first frame, and its first after a silence or <see cref="Down"/>.</param>
    /// <param name="silent">No frame within the threshold; hears the threshold it crossed. Once per silent spell.</param>
    public CameraWatch(CameraSilence silence, IScheduler scheduler, Action answered, Action<TimeSpan> silent)
    {
        _silence = silence ?? throw new ArgumentNullException(nameof(silence));
        _scheduler = scheduler ?? throw new ArgumentNullException(nameof(scheduler));
        _answered = answered ?? throw new ArgumentNullException(nameof(answered));
        _silent = silent ?? throw new ArgumentNullException(nameof(silent));
    }

    /// <summary>Starts the clock with the opening allowance; a second call does nothing.</summary>
    public void Start()
    {
        lock (_gate)
        {
            if (_stopped || _timer.Disposable is not null) return;
            _quietSince = _scheduler.Now;
            _deadline = _quietSince + _silence.FirstFrameAfter;
            Arm();
        }
    }

    /// <summary>A frame came: the clock starts over.</summary>
    public void Frame()
    {
        lock (_gate)
        {
            if (_stopped) return;
            _quietSince = _scheduler.Now;
            _deadline = _quietSince + _silence.SilentAfter;
            // While frames come the timer moves itself on to the later deadline when it fires. It is re-armed here only
            // after a report, or when the deadline comes sooner (the first frame ends the opening allowance).
            bool rearm = _reported || _deadline < _armedFor;
            _reported = false;
            if (rearm) Arm();
            if (!_live)
            {
                _live = true;
                _answered();
            }
        }
    }

    /// <summary>
    /// The camera is known to be down (it failed, or its source went offline), and that has been reported: the silence
    /// needs no report of its own, and the next frame says the camera is back.
    /// </summary>
    public void Down()
    {
        lock (_gate)
        {
            _live = false;
            _reported = true;
        }
    }

    /// <summary>
    /// The camera's source says it is up again (a reconnect opened the device) after it was reported down: a frame must
    /// follow within the threshold, or the bed says the camera is silent after all.
    /// </summary>
    public void Up()
    {
        lock (_gate)
        {
            if (_stopped || !_reported) return;
            _reported = false;
            _quietSince = _scheduler.Now;
            _deadline = _quietSince + _silence.SilentAfter;
            Arm();
        }
    }

    private void Arm()
    {
        _armedFor = _deadline;
        _timer.Disposable = _scheduler.Schedule(_deadline, Check);
    }

    private void Check()
    {
        lock (_gate)
        {
            if (_stopped || _reported) return;
            if (_scheduler.Now < _deadline)
            {
                Arm();
                return;
            }
            _reported = true;
            _live = false;
            // The silence crossed, not Now − quiet-since: on a real clock the timer fires a little late under load, and
            // that latency says nothing about the camera.
            _silent(_deadline - _quietSince);
        }
    }

    /// <summary>Stops the clock (the source ended, or the bed stops).</summary>
    public void Dispose()
    {
        lock (_gate) _stopped = true;
        _timer.Dispose();
    }
}
