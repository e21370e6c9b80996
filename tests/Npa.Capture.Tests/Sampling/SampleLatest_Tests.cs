using System.Reactive.Concurrency;
using System.Reactive.Linq;
using Npa.Capture.Diagnostics;
using Npa.Capture.Frames;
using Npa.Capture.Sampling;
using OpenCvSharp;

namespace Npa.Capture.Tests.Sampling;

public sealed class SampleLatest_Tests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A camera on its own clock: frame i (1-based) arrives at i × period, whatever the consumer does.</summary>
    private static IObservable<Frame> Camera(HistoricalScheduler scheduler, int count, TimeSpan period, List<Frame> produced, Func<long>? onProduced = null) =>
        Observable.Create<Frame>(observer =>
        {
            var schedules = new List<IDisposable>();
            for (int i = 1; i <= count; i++)
            {
                int seq = i;
                schedules.Add(scheduler.ScheduleAbsolute(Start + (period * seq), () =>
                {
                    var frame = new Frame("bed-1", seq, scheduler.Now, new Mat(4, 4, MatType.CV_8UC3, Scalar.All(seq % 255)));
                    produced.Add(frame);
                    observer.OnNext(frame);
                    if (seq == count)
                    {
                        observer.OnCompleted();
                    }
                }));
            }

            return () => schedules.ForEach(s => s.Dispose());
        });

    [Fact]
    public void Slow_Consumer_Gets_The_Newest_Frame_And_Superseded_Frames_Are_Skipped_And_Disposed()
    {
        var scheduler = new HistoricalScheduler(Start);
        using var metrics = new CaptureMetrics();
        var produced = new List<Frame>();
        var seen = new List<(long Sequence, TimeSpan At, long NewestProduced)>();
        bool completed = false;

        // 30 fps camera for 3 s; assessment at 2 Hz; the first assessment takes 1.2 s (slow inference).
        using IDisposable subscription = Camera(scheduler, 90, TimeSpan.FromMilliseconds(33), produced)
            .SampleLatest(2.0, scheduler, metrics)
            .Subscribe(
                frame =>
                {
                    using (frame)
                    {
                        seen.Add((frame.Sequence, scheduler.Now - Start, produced[^1].Sequence));
                        if (seen.Count == 1)
                        {
                            scheduler.Sleep(TimeSpan.FromMilliseconds(1200));
                        }
                    }
                },
                () => completed = true);
        scheduler.Start();

        // Ticks at 0 (nothing yet), 500 → #15 (495 ms); the slow consumer returns at 1700 → tick at once → #51 (1683 ms);
        // then 2200 → #66, 2700 → #81, 3200 → #90 (the last), then completion.
        Assert.Equal([15L, 51, 66, 81, 90], seen.Select(s => s.Sequence));
        Assert.All(seen, s => Assert.Equal(s.NewestProduced, s.Sequence));
        Assert.Equal(TimeSpan.FromMilliseconds(1700), seen[1].At);
        Assert.True(completed);

        BedCounters counters = metrics.For("bed-1");
        Assert.Equal(90, counters.Captured);
        Assert.Equal(5, counters.Assessed);
        Assert.Equal(85, counters.Skipped);
        Assert.All(produced, f => Assert.True(f.IsDisposed, $"frame #{f.Sequence} was not disposed"));
    }

    [Fact]
    public void Skipped_Count_Rises_While_The_Consumer_Is_Busy()
    {
        var scheduler = new HistoricalScheduler(Start);
        using var metrics = new CaptureMetrics();
        var produced = new List<Frame>();
        var skippedAtEachAssessment = new List<long>();

        using IDisposable subscription = Camera(scheduler, 300, TimeSpan.FromMilliseconds(10), produced)
            .SampleLatest(TimeSpan.FromMilliseconds(100), scheduler, metrics)
            .Subscribe(frame =>
            {
                using (frame)
                {
                    skippedAtEachAssessment.Add(metrics.For("bed-1").Skipped);
                    scheduler.Sleep(TimeSpan.FromMilliseconds(250)); // slower than the 100 ms period
                }
            });
        scheduler.Start();

        Assert.True(skippedAtEachAssessment.Count >= 10, $"only {skippedAtEachAssessment.Count} assessments");
        Assert.True(skippedAtEachAssessment.Zip(skippedAtEachAssessment.Skip(1)).All(p => p.Second > p.First), string.Join(",", skippedAtEachAssessment));
        BedCounters counters = metrics.For("bed-1");
        Assert.Equal(counters.Captured, counters.Assessed + counters.Skipped);
        Assert.All(produced, f => Assert.True(f.IsDisposed));
    }

    [Fact]
    public void Unsubscribing_Disposes_The_Frame_Waiting_In_The_Slot()
    {
        var scheduler = new HistoricalScheduler(Start);
        using var metrics = new CaptureMetrics();
        var produced = new List<Frame>();

        IDisposable subscription = Camera(scheduler, 10, TimeSpan.FromMilliseconds(30), produced)
            .SampleLatest(TimeSpan.FromSeconds(10), scheduler, metrics)
            .Subscribe(frame => frame.Dispose());
        scheduler.AdvanceBy(TimeSpan.FromMilliseconds(200));
        subscription.Dispose();

        Assert.Equal(6, produced.Count);
        Assert.All(produced, f => Assert.True(f.IsDisposed));
        Assert.Equal(6, metrics.For("bed-1").Skipped);
    }

    [Fact]
    public void Invalid_Rate_Gives_A_Clear_Error()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Observable.Empty<Frame>().SampleLatest(0.0, Scheduler.Immediate));
        Assert.Contains("assessment rate must be in (0, 1000]", ex.Message, StringComparison.Ordinal);
    }
}
