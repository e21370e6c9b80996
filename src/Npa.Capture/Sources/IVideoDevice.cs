using OpenCvSharp;

namespace Npa.Capture.Sources;

/// <summary>An opened reader of frames (camera, stream, file or image folder), driven by <see cref="CameraSource"/>.</summary>
public interface IVideoDevice : IDisposable
{
    /// <summary>Frames per second the device reports, or null when it does not know.</summary>
    double? NativeFps { get; }

    /// <summary>Reads the next BGR frame. On true the caller owns <paramref name="frame"/>; false means the end (finite) or a lost connection (live).</summary>
    bool TryRead(out Mat? frame);
}
