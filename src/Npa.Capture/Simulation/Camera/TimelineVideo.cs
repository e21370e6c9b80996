using OpenCvSharp;

namespace Npa.Capture.Simulation.Camera;

/// <summary>Renders a bed timeline to an MJPG .avi for replay; dropout ticks are written black so the timing stays intact.</summary>
public static class TimelineVideo
{
    public static void Write(BedTimeline timeline, string path, long? maxFrames = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!path.EndsWith(".avi", StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException($"MJPG video goes into an .avi file, not {Path.GetFileName(path)}", nameof(path));
        long count = maxFrames ?? timeline.FramesPerPass;
        using var writer = new VideoWriter(path, FourCC.MJPG, timeline.Options.Fps, timeline.Canvas);
        if (!writer.IsOpened()) throw new IOException($"OpenCV could not open {path} for MJPG writing");
        using var black = new Mat(timeline.Canvas, MatType.CV_8UC3, Scalar.All(0));
        for (long n = 0; n < count && !timeline.IsPastEnd(n); n++)
        {
            ct.ThrowIfCancellationRequested();
            if (!timeline.Script.StateAt(timeline.OffsetOf(n)).CameraOnline)
            {
                writer.Write(black);
                continue;
            }
            using var frame = timeline.Render(n);
            writer.Write(frame.Image);
        }
    }
}
