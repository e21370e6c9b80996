using System.Reactive.Concurrency;
using System.Runtime.CompilerServices;
using Npa.Capture.Diagnostics;
using Npa.Capture.Frames;
using OpenCvSharp;

namespace Npa.Capture.Sources;

/// <summary>
/// One attempt of a <see cref="CameraSource"/> subscription: opens the device and reads it at its pace. A live camera that
/// fails ends the attempt with an error, and <see cref="RetryWithBackoffExtensions.RetryWithBackoff"/> starts the next one.
/// Every step runs under its lock so that Stop never races a read.
/// </summary>
internal sealed class CameraReadLoop(
    CameraOptions options,
    Func<IVideoDevice> open,
    IScheduler scheduler,
    StrongBox<long> sequence,
    CaptureMetrics? metrics,
    Action<CameraStatus> publish,
    IObserver<Frame> observer)
{
    private readonly Lock _gate = new();
    private IVideoDevice? _device;
    private TimeSpan _period;
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

        publish(CameraStatus.Offline);
    }

    /// <summary>One open or read; returns the delay before the next step, or null when the loop ends.</summary>
    private TimeSpan? StepLocked()
    {
        if (_device is null)
        {
            try
            {
                _device = open();
            }
            catch (Exception ex)
            {
                publish(CameraStatus.Offline);
                observer.OnError(ex);
                return null;
            }

            double? fps = options.PacedFps() ?? (options.IsLive ? null : _device.NativeFps);
            _period = fps is { } f ? TimeSpan.FromSeconds(1.0 / f) : TimeSpan.Zero;
            publish(CameraStatus.Online);
        }

        Mat? image;
        bool read;
        long start = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            read = _device.TryRead(out image);
        }
        catch (Exception ex) when (!options.IsLive || ex is IOException or OpenCvSharpException)
        {
            DropDevice();
            publish(CameraStatus.Offline);
            observer.OnError(ex);
            return null;
        }

        if (read && image is not null)
        {
            metrics?.RecordStage(CaptureStage.Decode, options.BedId, System.Diagnostics.Stopwatch.GetElapsedTime(start));
            observer.OnNext(new Frame(options.BedId, ++sequence.Value, scheduler.Now, image));
            return _period;
        }

        DropDevice();
        if (options.IsLive)
        {
            publish(CameraStatus.Offline);
            observer.OnError(new IOException($"camera {options.Target} stopped delivering frames"));
            return null;
        }

        if (options.Loop)
        {
            return _period;
        }

        publish(CameraStatus.Offline);
        observer.OnCompleted();
        return null;
    }

    private void DropDevice()
    {
        _device?.Dispose();
        _device = null;
    }
}
