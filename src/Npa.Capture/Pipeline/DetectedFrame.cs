using Npa.Capture.Detection;
using Npa.Capture.Frames;

namespace Npa.Capture.Pipeline;

/// <summary>A frame with the face chosen for it (null when none). Owns <see cref="Frame"/>; disposing this disposes the frame.</summary>
public sealed class DetectedFrame : IDisposable
{
    public DetectedFrame(Frame frame, FaceDetection? face)
    {
        ArgumentNullException.ThrowIfNull(frame);
        Frame = frame;
        Face = face;
    }

    public Frame Frame { get; }

    public FaceDetection? Face { get; }

    public void Dispose() => Frame.Dispose();
}
