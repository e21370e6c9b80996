using Microsoft.Extensions.Logging;
using Npa.Capture.Frames;
using Npa.Monitor.Aggregation;

namespace Npa.Monitor.Pipeline;

/// <summary>The chain's own stages: each frame to the outputs, and camera events turned into observations a person can act on.</summary>
public sealed partial class BedChain
{
    // The end of a frame's path: counted, shown to every output, then its crop released (this chain owns it from ScoreBatched on).
    private async ValueTask<BedObservation> PublishFrameAsync(AssessedFrame assessed)
    {
        using var frame = assessed.Frame;
        if (assessed.Result is { } result)
        {
            _counters.AddAssessed(assessed.LatencyMs);
            if (assessed.Flagged) _counters.AddFlagged();
        }
        else if (frame.Outcome == PreparedOutcome.NoFace) _counters.AddNoFace();
        else _counters.AddLowQuality();
        foreach (var output in _outputs)
        {
            try { await output.OnAssessedAsync(assessed, _stop.Token).ConfigureAwait(false); }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested) { break; }
#pragma warning disable CA1031 // One broken output must not stop the others or the bed.
            catch (Exception ex) { _logger.LogError(ex, "bed {Bed}: output {Output} failed on frame {Seq}", _bed.Id, output.GetType().Name, frame.Sequence); }
#pragma warning restore CA1031
        }
        return assessed.Result is { } r ? BedObservation.Assessed(assessed.Time, r)
            : frame.Outcome == PreparedOutcome.NoFace ? BedObservation.NoFace(_scheduler.Now)
            : BedObservation.LowQuality(_scheduler.Now, frame.Reason ?? "low_quality");
    }

    private void OnCameraStatus(CameraStatus status, CameraWatch camera, IObserver<BedObservation> observer)
    {
        // Closing the camera on shutdown reports it offline; that is not news.
        if (_disposed != 0) return;
        string? detail = null;
        if (status is CameraStatus.Offline or CameraStatus.Reconnecting && _aggregator.Current.Camera == CameraStatus.Online)
        {
            detail = $"camera {_bed.DescribeCamera()} stopped delivering frames; reconnecting";
            _logger.LogWarning("bed {Bed}: {Detail} (other beds keep running)", _bed.Id, detail);
            // Said once here; the silence that follows is the same outage.
            camera.Down();
        }
        else if (status == CameraStatus.Online)
        {
            camera.Up();
        }
        observer.OnNext(BedObservation.CameraChanged(_scheduler.Now, status, detail));
    }

    // The first frame, and the first after a silence or a failure, is what says the camera is back.
    private void CameraAnswered(IObserver<BedObservation> observer) =>
        observer.OnNext(BedObservation.CameraChanged(_scheduler.Now, CameraStatus.Online));

    private void CameraSilent(TimeSpan quiet, IObserver<BedObservation> observer)
    {
        if (_disposed != 0) return;
        string detail = $"no frames from camera {_bed.DescribeCamera()} for {quiet.TotalSeconds:0.#} s; still trying";
        _logger.LogWarning("bed {Bed}: {Detail} (other beds keep running)", _bed.Id, detail);
        observer.OnNext(BedObservation.CameraChanged(_scheduler.Now, CameraStatus.Offline, detail));
    }

    private void CameraFailed(Exception error, TimeSpan delay, IObserver<BedObservation> observer)
    {
        if (_disposed != 0) return;
        _counters.AddCameraError();
        _logger.LogWarning("bed {Bed}: camera {Source} failed: {Reason}; retrying in {Delay:0.#} s (other beds keep running)",
            _bed.Id, _bed.DescribeCamera(), error.Message, delay.TotalSeconds);
        observer.OnNext(BedObservation.CameraChanged(_scheduler.Now, CameraStatus.Offline, error.Message));
    }

    private void CameraEnded(IObserver<BedObservation> observer)
    {
        if (_disposed != 0) return;
        _logger.LogWarning("bed {Bed}: camera source {Source} ended", _bed.Id, _bed.DescribeCamera());
        // The observations go on (the aggregator's ticks still end a running episode on signal loss).
        observer.OnNext(BedObservation.CameraChanged(_scheduler.Now, CameraStatus.Offline, "source ended"));
    }
}
