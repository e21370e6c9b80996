namespace Npa.Capture.Frames;

/// <summary>Connection state of a camera source.</summary>
public enum CameraStatus
{
    Online,
    Offline,
    Reconnecting,
    Disabled,
}
