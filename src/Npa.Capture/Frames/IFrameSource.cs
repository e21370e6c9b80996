namespace Npa.Capture.Frames;

/// <summary>A camera of one bed: frames plus connection status. Subscribers own (and must dispose) each frame they receive.</summary>
public interface IFrameSource
{
    string BedId { get; }

    /// <summary>Cold observable; each subscription opens the camera. Completes at the end of a finite source.</summary>
    IObservable<Frame> Frames { get; }

    /// <summary>Status changes (online, offline, reconnecting).</summary>
    IObservable<CameraStatus> Status { get; }
}
