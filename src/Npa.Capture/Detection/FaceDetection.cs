using OpenCvSharp;

namespace Npa.Capture.Detection;

/// <summary>A face found in a frame: box and keypoints in source-frame pixels, confidence in [0, 1].</summary>
/// <param name="Box">Face box in source pixels (may reach past the frame edges; croppers clamp).</param>
/// <param name="Score">Detector confidence in [0, 1].</param>
/// <param name="Keypoints">BlazeFace order: right eye, left eye, nose tip, mouth, right ear tragion, left ear tragion; empty for detectors without keypoints.</param>
public sealed record FaceDetection(Rect2d Box, double Score, IReadOnlyList<Point2d> Keypoints)
{
    /// <summary>Intersection over union of two boxes; 0 when either is empty.</summary>
    public static double IoU(Rect2d a, Rect2d b)
    {
        double x1 = Math.Max(a.Left, b.Left);
        double y1 = Math.Max(a.Top, b.Top);
        double x2 = Math.Min(a.Right, b.Right);
        double y2 = Math.Min(a.Bottom, b.Bottom);
        double intersection = Math.Max(0, x2 - x1) * Math.Max(0, y2 - y1);
        double union = (a.Width * a.Height) + (b.Width * b.Height) - intersection;
        return union > 0 ? intersection / union : 0;
    }
}
