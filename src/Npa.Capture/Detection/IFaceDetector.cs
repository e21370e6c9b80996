using OpenCvSharp;

namespace Npa.Capture.Detection;

/// <summary>Finds faces in one BGR frame. Does not take ownership of the image. One instance per bed (not required to be thread-safe).</summary>
public interface IFaceDetector : IDisposable
{
    /// <summary>Short name for logs and metrics ("blazeface", "haar", "roi").</summary>
    string Name { get; }

    /// <summary>Faces above the detector's threshold, most confident first; empty when there is none.</summary>
    IReadOnlyList<FaceDetection> Detect(Mat bgr);
}
