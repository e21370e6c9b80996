using Npa.Capture.Frames;

namespace Npa.Monitor.Pipeline;

/// <summary>One bed's capture chain: camera → latest-frame sampler → detect → crop → gate → preprocess.</summary>
public interface IBedFrontEnd : IDisposable
{
    string BedId { get; }

    /// <summary>Cold; each subscription opens the camera. Errors when the camera fails; the subscriber owns each frame.</summary>
    IObservable<PreparedFrame> Frames { get; }

    /// <summary>Camera connection status changes.</summary>
    IObservable<CameraStatus> Status { get; }
}
