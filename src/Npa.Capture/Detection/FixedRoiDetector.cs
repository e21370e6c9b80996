using OpenCvSharp;

namespace Npa.Capture.Detection;

/// <summary>Reports the configured region as the face in every frame, with score 1.</summary>
public sealed class FixedRoiDetector : IFaceDetector
{
    private readonly RoiOptions _roi;

    public FixedRoiDetector(RoiOptions roi)
    {
        ArgumentNullException.ThrowIfNull(roi);
        string[] problems = roi.Validate().ToArray();
        if (problems.Length > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(roi));
        }

        _roi = roi;
    }

    public string Name => "roi";

    public IReadOnlyList<FaceDetection> Detect(Mat bgr)
    {
        ArgumentNullException.ThrowIfNull(bgr);
        var box = new Rect2d(_roi.X * bgr.Width, _roi.Y * bgr.Height, _roi.Width * bgr.Width, _roi.Height * bgr.Height);
        return [new FaceDetection(box, 1.0, [])];
    }

    public void Dispose()
    {
        // Holds nothing.
    }
}
