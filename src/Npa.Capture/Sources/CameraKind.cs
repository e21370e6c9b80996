namespace Npa.Capture.Sources;

/// <summary>What a camera's target names.</summary>
public enum CameraKind
{
    /// <summary>A V4L2 device: an index ("0") or a path ("/dev/video0"). Live.</summary>
    Device,

    /// <summary>A network stream: rtsp://, http:// or https:// URL. Live.</summary>
    Stream,

    /// <summary>A video file. Finite; completes at its end or loops.</summary>
    File,

    /// <summary>A folder of still images, read in ordinal name order and paced at <see cref="CameraOptions.Fps"/>. Finite.</summary>
    Folder,

    /// <summary>The built-in simulated neonate camera.</summary>
    Simulated,
}
