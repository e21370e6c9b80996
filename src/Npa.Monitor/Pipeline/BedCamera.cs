using System.Reactive.Concurrency;
using Microsoft.Extensions.Logging;
using Npa.Capture.Frames;
using Npa.Monitor.Aggregation;
using Npa.Monitor.Configuration;

namespace Npa.Monitor.Pipeline;

/// <summary>
/// Keeps one bed's camera open: subscribes to its front end, reports a camera that stays silent, reopens it with
/// back-off after a failure, and turns status changes into observations with a reason a person can act on.
/// </summary>
internal sealed class BedCamera(
    BedOptions bed, IBedFrontEnd frontEnd, Action<PreparedFrame> accept, Action<BedObservation> observe,
    Func<CameraStatus> currentCamera, BedCounters counters, IScheduler scheduler, ILogger logger, CancellationToken stopping)
{
    /// <summary>How long a newly opened camera may stay silent before the bed says so.</summary>
    public static readonly TimeSpan FirstFrameTimeout = TimeSpan.FromSeconds(5);

    private readonly BedOptions _bed = bed;
    private readonly IBedFrontEnd _frontEnd = frontEnd;
    private readonly Action<PreparedFrame> _accept = accept;
    private readonly Action<BedObservation> _observe = observe;
    private readonly Func<CameraStatus> _currentCamera = currentCamera;
    private readonly BedCounters _counters = counters;
    private readonly IScheduler _scheduler = scheduler;
    private readonly ILogger _logger = logger;
    private readonly CancellationToken _stopping = stopping;

    /// <summary>The camera as a person names it (kind and target).</summary>
    public static string Describe(BedOptions bed)
    {
        ArgumentNullException.ThrowIfNull(bed);
        return string.IsNullOrEmpty(bed.Camera.Target) ? bed.Camera.Kind.ToString() : $"{bed.Camera.Kind} {bed.Camera.Target}";
    }

    public void OnStatus(CameraStatus status)
    {
        // Closing the camera on shutdown reports it offline; that is not news.
        if (_stopping.IsCancellationRequested) return;
        string? detail = null;
        if (status is CameraStatus.Offline or CameraStatus.Reconnecting && _currentCamera() == CameraStatus.Online)
        {
            detail = $"camera {Describe(_bed)} stopped delivering frames; reconnecting";
            _logger.LogWarning("bed {Bed}: {Detail} (other beds keep running)", _bed.Id, detail);
        }
        _observe(BedObservation.CameraChanged(_scheduler.Now, status, detail));
    }

    public async Task RunAsync(CancellationToken ct)
    {
        var backoff = _bed.Camera.Reconnect;
        var delay = backoff.Initial;
        while (!ct.IsCancellationRequested)
        {
            var ended = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
            var firstFrame = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            bool gotFrames = false;
            using (_frontEnd.Frames.Subscribe(
                f =>
                {
                    // The first frame after (re)opening is what says the camera is back.
                    if (!gotFrames) _observe(BedObservation.CameraChanged(_scheduler.Now, CameraStatus.Online));
                    gotFrames = true;
                    firstFrame.TrySetResult();
                    _accept(f);
                },
                ex => ended.TrySetResult(ex),
                () => ended.TrySetResult(null)))
            {
                Exception? error;
                try
                {
                    // A camera that never answers (wrong URL, unplugged) does not fail: it just stays silent.
                    var first = await Task.WhenAny(ended.Task, firstFrame.Task, Task.Delay(FirstFrameTimeout, ct)).ConfigureAwait(false);
                    if (ct.IsCancellationRequested) return;
                    if (first != ended.Task && first != firstFrame.Task)
                    {
                        string detail = $"no frames from camera {Describe(_bed)} after {FirstFrameTimeout.TotalSeconds:0} s; still trying";
                        _logger.LogWarning("bed {Bed}: {Detail} (other beds keep running)", _bed.Id, detail);
                        _observe(BedObservation.CameraChanged(_scheduler.Now, CameraStatus.Offline, detail));
                    }
                    error = await ended.Task.WaitAsync(ct).ConfigureAwait(false);
                }
                catch (OperationCanceledException) { return; }
                if (error is null)
                {
                    _logger.LogWarning("bed {Bed}: camera source {Source} ended", _bed.Id, Describe(_bed));
                    _observe(BedObservation.CameraChanged(_scheduler.Now, CameraStatus.Offline, "source ended"));
                    return;
                }
                _counters.AddCameraError();
                if (gotFrames) delay = backoff.Initial;
                _logger.LogWarning("bed {Bed}: camera {Source} failed: {Reason}; retrying in {Delay:0.#} s (other beds keep running)",
                    _bed.Id, Describe(_bed), error.Message, delay.TotalSeconds);
                _observe(BedObservation.CameraChanged(_scheduler.Now, CameraStatus.Offline, error.Message));
            }
            try { await Task.Delay(delay, ct).ConfigureAwait(false); }
            catch (OperationCanceledException) { return; }
            delay = TimeSpan.FromTicks((long)Math.Min(backoff.Max.Ticks, delay.Ticks * backoff.Multiplier));
        }
    }
}
