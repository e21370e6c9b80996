using System.Reactive.Concurrency;
using Npa.Capture.Frames;
using Npa.Capture.Simulation.Camera;
using Npa.Capture.Simulation.Rendering;

namespace Npa.Capture.Tests.Simulation;

public sealed class SimulatedBedCamera_Tests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);
    private static readonly SimulatedCameraOptions Small = new() { Fps = 4, Width = 160, Height = 120 };

    private static BedScript Script(bool loop = false) => new()
    {
        BedId = "bed-7",
        Seed = 11,
        Loop = loop,
        Segments =
        [
            new ScriptSegment("rest", TimeSpan.FromSeconds(2), 0, 0),
            new ScriptSegment("procedure", TimeSpan.FromSeconds(1), 3, 3),
            new ScriptSegment("peak pain", TimeSpan.FromSeconds(2), 7, 7),
            new ScriptSegment("recovery", TimeSpan.FromSeconds(1), 2, 2),
        ],
        Occlusions = [new ScriptOcclusion(TimeSpan.FromSeconds(3.5), TimeSpan.FromSeconds(0.5), OcclusionKind.Pacifier)],
        Dropouts = [new ScriptDropout(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(0.5))],
    };

    [Fact]
    public void Scripted_Timeline_In_Virtual_Time_Gives_Frames_Timestamps_And_Truth_From_The_Script()
    {
        var scheduler = new HistoricalScheduler(Start);
        using var camera = new SimulatedBedCamera(Script(), Small, scheduler);
        var frames = new List<(long Seq, DateTimeOffset Time, int Rows)>();
        var truths = new List<FrameGroundTruth>();
        var statuses = new List<CameraStatus>();
        bool completed = false;
        using var s1 = camera.Status.Subscribe(statuses.Add);
        using var s2 = camera.GroundTruth.Subscribe(truths.Add);
        using var s3 = camera.Frames.Subscribe(f =>
        {
            using (f) frames.Add((f.Sequence, f.Timestamp, f.Image.Rows));
        }, () => completed = true);

        scheduler.AdvanceBy(TimeSpan.FromSeconds(2));
        Assert.False(completed);
        scheduler.AdvanceBy(TimeSpan.FromSeconds(10));

        // 6 s at 4 fps = 24 ticks; the 0.5 s dropout swallows ticks 4 and 5.
        Assert.True(completed);
        Assert.Equal(24, truths.Count);
        Assert.Equal(Enumerable.Range(0, 24).Where(n => n is not (4 or 5)).Select(n => (long)n), frames.Select(f => f.Seq));
        Assert.All(frames, f => Assert.Equal(Start + TimeSpan.FromSeconds(f.Seq / 4.0), f.Time));
        Assert.All(frames, f => Assert.Equal(120, f.Rows));
        int[] expectedNips = [0, 0, 0, 0, 0, 0, 0, 0, 3, 3, 3, 3, 7, 7, 7, 7, 7, 7, 7, 7, 2, 2, 2, 2];
        Assert.Equal(expectedNips, truths.Select(t => t.Nips));
        Assert.Equal(["rest", "procedure", "peak pain", "recovery"], truths.Select(t => t.Segment).Distinct());
        Assert.Equal([14L, 15L], truths.Where(t => t.Occluded).Select(t => t.Sequence));
        Assert.All(truths.Where(t => t.Occluded), t => Assert.Equal(OcclusionKind.Pacifier, t.Occlusion));
        Assert.Equal([4L, 5L], truths.Where(t => !t.CameraOnline).Select(t => t.Sequence));
        Assert.All(truths, t => Assert.Equal(Start + TimeSpan.FromSeconds(t.Sequence / 4.0), t.Timestamp));
        Assert.Equal([CameraStatus.Offline, CameraStatus.Online, CameraStatus.Offline, CameraStatus.Online, CameraStatus.Offline], statuses);
    }

    [Fact]
    public void Frame_Is_Emitted_Only_When_Virtual_Time_Reaches_It()
    {
        var scheduler = new HistoricalScheduler(Start);
        using var camera = new SimulatedBedCamera(Script(), Small, scheduler);
        var seqs = new List<long>();
        using var sub = camera.Frames.Subscribe(f => { using (f) seqs.Add(f.Sequence); });
        scheduler.AdvanceBy(TimeSpan.FromSeconds(0.5));
        Assert.Equal([0L, 1L, 2L], seqs);
    }

    [Fact]
    public void Looping_Script_Keeps_Going_And_Repeats_The_Truth()
    {
        var scheduler = new HistoricalScheduler(Start);
        using var camera = new SimulatedBedCamera(Script(loop: true), Small with { Fps = 1 }, scheduler);
        var truths = new List<FrameGroundTruth>();
        bool completed = false;
        using var s1 = camera.GroundTruth.Subscribe(truths.Add);
        using var s2 = camera.Frames.Subscribe(f => f.Dispose(), () => completed = true);
        scheduler.AdvanceBy(TimeSpan.FromSeconds(14));
        Assert.False(completed);
        Assert.Equal(15, truths.Count);
        Assert.Equal(truths.Take(6).Select(t => t.Nips), truths.Skip(6).Take(6).Select(t => t.Nips));
    }

    [Fact]
    public void Unsubscribing_Stops_Frames_And_Reports_Offline()
    {
        var scheduler = new HistoricalScheduler(Start);
        using var camera = new SimulatedBedCamera(Script(loop: true), Small, scheduler);
        var statuses = new List<CameraStatus>();
        int count = 0;
        using var s1 = camera.Status.Subscribe(statuses.Add);
        var sub = camera.Frames.Subscribe(f => { f.Dispose(); count++; });
        scheduler.AdvanceBy(TimeSpan.FromSeconds(0.6));
        sub.Dispose();
        scheduler.AdvanceBy(TimeSpan.FromSeconds(5));
        Assert.Equal(3, count);
        Assert.Equal(CameraStatus.Offline, statuses[^1]);
    }

    [Fact]
    public void Same_Sequence_Renders_The_Same_Pixels()
    {
        using var timeline = new BedTimeline(Script(), Small);
        using var a = timeline.Render(13);
        using var b = timeline.Render(13);
        using var diff = new OpenCvSharp.Mat();
        OpenCvSharp.Cv2.Absdiff(a.Image, b.Image, diff);
        Assert.Equal(0, OpenCvSharp.Cv2.CountNonZero(diff.Reshape(1)));
        Assert.Equal(timeline.GroundTruth(13, Start).FaceBox, a.FaceBox);
    }

    [Fact]
    public void Background_Stays_Put_From_Frame_To_Frame()
    {
        // A fixed camera: away from the head, two frames seconds apart differ only by sensor noise.
        using var timeline = new BedTimeline(Script(), Small with { Width = 320, Height = 240 });
        using var a = timeline.Render(1);
        using var b = timeline.Render(17);
        using var diff = new OpenCvSharp.Mat();
        OpenCvSharp.Cv2.Absdiff(a.Image, b.Image, diff);
        OpenCvSharp.Cv2.GaussianBlur(diff, diff, new OpenCvSharp.Size(0, 0), 1.5);
        using var gray = diff.CvtColor(OpenCvSharp.ColorConversionCodes.BGR2GRAY);
        foreach (var box in new[] { a.FaceBox, b.FaceBox })
        {
            // Blank out the head (cap, ears, shadow): about 1.8 face boxes around the box.
            var head = new OpenCvSharp.Rect(box.X - box.Width * 2 / 5, box.Y - box.Height / 2, box.Width * 9 / 5, box.Height * 9 / 5);
            gray.Rectangle(head, OpenCvSharp.Scalar.All(0), -1);
        }
        using var changed = gray.Threshold(20, 255, OpenCvSharp.ThresholdTypes.Binary);
        Assert.True(OpenCvSharp.Cv2.CountNonZero(changed) < 320 * 240 / 200, $"{OpenCvSharp.Cv2.CountNonZero(changed)} background pixels changed");
    }

    [Fact]
    public void Bad_Options_Give_Clear_Errors()
    {
        var e = Assert.Throws<ArgumentException>(() => new SimulatedBedCamera(Script(), Small with { Fps = 0 }, new HistoricalScheduler()));
        Assert.Contains("fps 0 must be 0.1..60", e.Message, StringComparison.Ordinal);
        var bad = Script() with { Dropouts = [new ScriptDropout(TimeSpan.FromSeconds(5.5), TimeSpan.FromSeconds(1))] };
        e = Assert.Throws<ArgumentException>(() => new SimulatedBedCamera(bad, Small, new HistoricalScheduler()));
        Assert.Contains("dropout at 00:00:05.5000000 for 00:00:01 must lie within the script's 00:00:06", e.Message, StringComparison.Ordinal);
    }
}
