namespace Npa.Monitor.Configuration;

/// <summary>One bed: its camera and how often it is assessed.</summary>
public sealed class BedOptions
{
    /// <summary>Bed id used in MQTT topics and the dashboard: 1–32 of a–z, 0–9, '-' and '_'.</summary>
    public string Id { get; set; } = "";

    /// <summary>Camera source: <c>sim:SCENARIO</c>, <c>file:PATH</c>, <c>folder:PATH</c>, <c>v4l2:/dev/videoN</c>, <c>rtsp://…</c> or <c>http://…</c>.</summary>
    public string Source { get; set; } = "";

    /// <summary>Face detector for this bed; empty means <c>Capture:Detector</c>.</summary>
    public string? Detector { get; set; }

    /// <summary>Assessments per second (latest frame wins), 0.1–30.</summary>
    public double AssessmentRateHz { get; set; } = 4;

    /// <summary>False keeps the bed listed (status <c>disabled</c>) without opening its camera.</summary>
    public bool Enabled { get; set; } = true;
}
