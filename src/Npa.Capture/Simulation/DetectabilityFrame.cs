using Npa.Capture.Simulation.Rendering;

namespace Npa.Capture.Simulation;

/// <summary>One bench frame: what was rendered and whether the detector found it (best IoU with the true box).</summary>
public sealed record DetectabilityFrame(int Nips, int SkinTone, int BoxWidth, double RollDegrees, OcclusionKind Occlusion, double BestIoU)
{
    public bool Hit => BestIoU >= HaarDetectabilityBench.HitIoU;

    /// <summary>Darkest tone, face under 150 px wide, or roll over 10°.</summary>
    public bool IsHardest => SkinTone == SkinTonePalette.Darkest || BoxWidth < 150 || Math.Abs(RollDegrees) > 10;

    /// <summary>Scores any detector's boxes on a rendered frame against its true face box.</summary>
    public static DetectabilityFrame Score(RenderedFace face, IEnumerable<OpenCvSharp.Rect> detections)
    {
        ArgumentNullException.ThrowIfNull(face);
        ArgumentNullException.ThrowIfNull(detections);
        double best = detections.Select(b => BoxMath.IoU(b, face.FaceBox)).DefaultIfEmpty(0).Max();
        var s = face.Spec;
        return new DetectabilityFrame(s.Nips, s.SkinTone, face.FaceBox.Width, s.RollDegrees, s.Occlusion, best);
    }
}
