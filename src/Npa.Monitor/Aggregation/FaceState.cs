namespace Npa.Monitor.Aggregation;

/// <summary>Whether the bed's camera currently shows an assessable face.</summary>
public enum FaceState
{
    /// <summary>Nothing known yet, or the camera is not delivering frames.</summary>
    Unknown,

    /// <summary>A face passed the quality gate recently.</summary>
    Visible,

    /// <summary>Frames arrive but no face has been found for a while.</summary>
    NoFace,

    /// <summary>A face is found but fails the quality gate (blur, exposure, size).</summary>
    LowQuality,

    /// <summary>A face passes the gate but the model cannot read it: its assessments fall below Alerts:MinConfidence.</summary>
    Unreadable,
}
