using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using System.Reactive.Linq;
using Npa.Capture.Diagnostics;
using Npa.Capture.Frames;

namespace Npa.Capture.Sampling;

/// <summary>The latest-frame-wins sampler: the pipeline's only hand-off, a one-slot buffer that never queues.</summary>
public static class SampleLatestExtensions
{
    /// <summary>
    /// Emits the newest frame at most <paramref name="rateHz"/> times a second on <paramref name="scheduler"/>. A frame
    /// superseded before its turn is disposed and counted as skipped; a slow consumer (OnNext runs synchronously on the
    /// scheduler) delays the next tick, and then gets the newest frame, never a backlog.
    /// Ownership: the sampler owns a frame from arrival until it emits it (then the subscriber does) or disposes it.
    /// </summary>
    public static IObservable<Frame> SampleLatest(this IObservable<Frame> frames, double rateHz, IScheduler scheduler, CaptureMetrics? metrics = null)
    {
        if (!(rateHz > 0 && rateHz <= 1000))
        {
            throw new ArgumentOutOfRangeException(nameof(rateHz), rateHz, "assessment rate must be in (0, 1000] frames per second");
        }

        return frames.SampleLatest(TimeSpan.FromSeconds(1.0 / rateHz), scheduler, metrics);
    }

    /// <summary>As <see cref="SampleLatest(IObservable{Frame}, double, IScheduler, CaptureMetrics?)"/>, with the period between ticks.</summary>
    public static IObservable<Frame> SampleLatest(this IObservable<Frame> frames, TimeSpan period, IScheduler scheduler, CaptureMetrics? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(frames);
        ArgumentNullException.ThrowIfNull(scheduler);
        if (period <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(period), period, "sampling period must be positive");
        }

        return Observable.Create<Frame>(observer =>
        {
            var slot = new LatestSlot(metrics);
            IDisposable upstream = frames.Subscribe(slot.Put, slot.Fail, slot.Complete);
            DateTimeOffset due = scheduler.Now;
            IDisposable ticks = scheduler.Schedule(TimeSpan.Zero, again =>
            {
                if (!slot.Tick(observer))
                {
                    return;
                }

                // Ticks missed while the consumer was busy are not made up: the next one is now.
                due += period;
                TimeSpan wait = due - scheduler.Now;
                if (wait < TimeSpan.Zero)
                {
                    due = scheduler.Now;
                    wait = TimeSpan.Zero;
                }

                again(wait);
            });
            return Disposable.Create(() =>
            {
                ticks.Dispose();
                upstream.Dispose();
                slot.Close();
            });
        });
    }
}
