using Npa.Capture.Frames;

namespace Npa.Monitor.Pipeline;

/// <summary>One bed's capture chain: camera → latest-frame sampler → detect → crop → gate → preprocess.</summary>
public interface IBedFrontEnd : IDisposable
{
    string BedId { get; }

    /// <summary>Cold; each subscription opens the camera. Errors when the camera fails; the subscriber owns each frame.</summary>
    IObservable<PreparedFrame> Frames { get; }

    /// <summary>Frames a second that reach the bed while the camera works: the camera's pace, at most the assessment rate.</summary>
    double FramesPerSecond { get; }

    /// <summary>Camera connection status changes.</summary>
    IObservable<CameraStatus> Status { get; }
}
