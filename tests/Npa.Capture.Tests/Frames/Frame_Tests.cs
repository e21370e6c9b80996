using System.Reactive.Concurrency;
using System.Reactive.Linq;
using Npa.Capture.Frames;
using Npa.Capture.Sampling;
using Npa.Capture.Simulation.Camera;
using OpenCvSharp;

namespace Npa.Capture.Tests.Frames;

public sealed class Frame_Tests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Rendered_Frame_Draws_Its_Image_Once_On_First_Use()
    {
        int renders = 0;
        using var frame = new Frame("bed-1", 7, Start, () => { renders++; return new Mat(4, 4, MatType.CV_8UC3, Scalar.All(9)); });
        Assert.False(frame.IsRendered);
        var first = frame.Image;
        var second = frame.Image;
        Assert.Same(first, second);
        Assert.Equal(1, renders);
        Assert.True(frame.IsRendered);
    }

    [Fact]
    public void Frame_Disposed_Before_Use_Is_Never_Rendered_And_Refuses_Its_Image()
    {
        int renders = 0;
        var frame = new Frame("bed-1", 7, Start, () => { renders++; return new Mat(4, 4, MatType.CV_8UC3); });
        frame.Dispose();
        var error = Assert.Throws<ObjectDisposedException>(() => frame.Image);
        Assert.Contains("frame bed-1#7 was disposed", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, renders);
    }

    [Fact]
    public void Simulated_Camera_Frames_Skipped_By_The_Sampler_Are_Never_Rendered()
    {
        var scheduler = new HistoricalScheduler(Start);
        var script = BedScript.Default("bed-1") with { Loop = false };
        using var camera = new SimulatedBedCamera(script, new SimulatedCameraOptions { Fps = 10, Width = 160, Height = 120 }, scheduler);
        var emitted = new List<Frame>();
        var used = new List<long>();
        var subscription = camera.Frames.Do(emitted.Add).SampleLatest(2.0, scheduler).Subscribe(f =>
        {
            using (f)
            {
                Assert.False(f.Image.Empty());
                used.Add(f.Sequence);
            }
        });
        scheduler.AdvanceBy(TimeSpan.FromSeconds(5));
        // Unsubscribing releases the frame the sampler still holds.
        subscription.Dispose();

        Assert.InRange(emitted.Count, 40, 51);
        Assert.InRange(used.Count, 9, 11);
        // Only the frames the sampler handed on were drawn; every other frame was released unrendered.
        Assert.All(emitted, f => Assert.True(f.IsDisposed));
        Assert.Equal(used, emitted.Where(f => f.IsRendered).Select(f => f.Sequence));
    }
}
