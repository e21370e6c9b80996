using System.Text.Json;
using Npa.Capture.Simulation.Camera;
using Npa.Capture.Simulation.Rendering;
using OpenCvSharp;

namespace Npa.Capture.Tests.Simulation;

public sealed class TimelineOutputs_Tests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("npa-sim-").FullName;

    // The default episode has no dropout; this one adds the 3 s at 8 s that the video test looks for.
    private static BedTimeline Timeline() => new(
        BedScript.Default("bed-3") with { Loop = false, Dropouts = [new ScriptDropout(TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(3))] },
        new SimulatedCameraOptions { Fps = 2, Width = 160, Height = 120 });

    [Fact]
    public async Task Ground_Truth_Jsonl_Has_One_Line_Per_Tick_Matching_The_Script()
    {
        var timeline = Timeline();
        var path = Path.Combine(_dir, "truth.jsonl");
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        await GroundTruthJsonl.WriteAsync(timeline, path, start);
        var lines = await File.ReadAllLinesAsync(path);
        Assert.Equal(130, lines.Length); // 65 s at 2 fps
        for (int n = 0; n < lines.Length; n++)
        {
            using var doc = JsonDocument.Parse(lines[n]);
            var root = doc.RootElement;
            var state = timeline.Script.StateAt(TimeSpan.FromSeconds(n / 2.0));
            Assert.Equal(n, root.GetProperty("seq").GetInt64());
            Assert.Equal(state.Nips, root.GetProperty("nips").GetInt32());
            Assert.Equal(state.CameraOnline, root.GetProperty("camera_online").GetBoolean());
            Assert.Equal(state.Occlusion != OcclusionKind.None, root.GetProperty("occluded").GetBoolean());
            Assert.Equal(start + TimeSpan.FromSeconds(n / 2.0), root.GetProperty("time").GetDateTimeOffset());
            Assert.Equal(4, root.GetProperty("face_box").GetArrayLength());
        }
    }

    [Fact]
    public void Mjpg_Video_Replays_Every_Tick()
    {
        var timeline = Timeline();
        var path = Path.Combine(_dir, "bed.avi");
        TimelineVideo.Write(timeline, path, maxFrames: 20);
        using var capture = new VideoCapture(path);
        Assert.True(capture.IsOpened());
        int frames = 0;
        double brightest = 0, darkest = 255;
        using var frame = new Mat();
        while (capture.Read(frame) && !frame.Empty())
        {
            Assert.Equal(new Size(160, 120), frame.Size());
            double mean = Cv2.Mean(frame).Val0;
            brightest = Math.Max(brightest, mean);
            darkest = Math.Min(darkest, mean);
            frames++;
        }
        Assert.Equal(20, frames);
        Assert.Equal("MJPG", FourCcText(capture.Get(VideoCaptureProperties.FourCC)));
        Assert.True(darkest < 5, "dropout ticks (16..21 at 2 fps) should be black");
        Assert.True(brightest > 60);
    }

    [Fact]
    public void Video_Needs_An_Avi_Path()
    {
        var e = Assert.Throws<ArgumentException>(() => TimelineVideo.Write(Timeline(), Path.Combine(_dir, "bed.mp4")));
        Assert.Contains("MJPG video goes into an .avi file", e.Message, StringComparison.Ordinal);
    }

    private static string FourCcText(double code)
    {
        int c = (int)code;
        return new string([(char)(c & 0xFF), (char)((c >> 8) & 0xFF), (char)((c >> 16) & 0xFF), (char)((c >> 24) & 0xFF)]);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
