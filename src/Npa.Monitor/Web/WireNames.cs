using Npa.Capture.Frames;
using Npa.Monitor.Aggregation;
using Npa.Shared.Messages;

namespace Npa.Monitor.Web;

/// <summary>Lower-case wire names of the monitor's enums (as MQTT payloads and the dashboard use them).</summary>
public static class WireNames
{
    public static string Of(FaceState face) => face switch
    {
        FaceState.Visible => "visible",
        FaceState.NoFace => "no_face",
        FaceState.LowQuality => "low_quality",
        FaceState.Unreadable => "unreadable",
        _ => "unknown",
    };

    public static string Of(CameraStatus camera) => camera switch
    {
        CameraStatus.Online => "online",
        CameraStatus.Offline => "offline",
        CameraStatus.Reconnecting => "reconnecting",
        CameraStatus.Disabled => "disabled",
        _ => "unknown",
    };

    public static string Of(AlertEventKind kind) => kind switch
    {
        AlertEventKind.Start => "start",
        AlertEventKind.Update => "update",
        AlertEventKind.End => "end",
        _ => "unknown",
    };
}
