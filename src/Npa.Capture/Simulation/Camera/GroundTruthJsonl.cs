using System.Text;
using System.Text.Json;

namespace Npa.Capture.Simulation.Camera;

/// <summary>Writes frame ground truth as JSON Lines: one object per tick (snake_case keys, box as [x, y, w, h]).</summary>
public static class GroundTruthJsonl
{
    /// <summary>One JSON line (no newline) for a tick.</summary>
    public static string ToLine(FrameGroundTruth truth)
    {
        ArgumentNullException.ThrowIfNull(truth);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("bed", truth.BedId);
            w.WriteNumber("seq", truth.Sequence);
            w.WriteString("time", truth.Timestamp);
            w.WriteNumber("offset_s", Math.Round(truth.Offset.TotalSeconds, 6));
            w.WriteString("segment", truth.Segment);
            w.WriteNumber("nips", truth.Nips);
            w.WriteBoolean("camera_online", truth.CameraOnline);
            w.WriteBoolean("occluded", truth.Occluded);
            w.WriteString("occlusion", truth.Occlusion.ToString());
            w.WriteStartArray("face_box");
            w.WriteNumberValue(truth.FaceBox.X);
            w.WriteNumberValue(truth.FaceBox.Y);
            w.WriteNumberValue(truth.FaceBox.Width);
            w.WriteNumberValue(truth.FaceBox.Height);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Writes every tick of one pass of the timeline (or <paramref name="maxFrames"/> ticks of a looping one).</summary>
    public static async Task WriteAsync(BedTimeline timeline, string path, DateTimeOffset start, long? maxFrames = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        long count = maxFrames ?? timeline.FramesPerPass;
        if (count < 0) throw new ArgumentOutOfRangeException(nameof(maxFrames), maxFrames, "frame count must not be negative");
        await using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        for (long n = 0; n < count && !timeline.IsPastEnd(n); n++)
        {
            ct.ThrowIfCancellationRequested();
            await writer.WriteLineAsync(ToLine(timeline.GroundTruth(n, start))).ConfigureAwait(false);
        }
    }
}
