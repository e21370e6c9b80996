using Npa.Capture.Detection;
using Npa.Capture.Sources;

namespace Npa.Monitor.Configuration;

/// <summary>One bed: its camera, and optional overrides of the <c>Capture</c> defaults.</summary>
public sealed class BedOptions
{
    /// <summary>Bed id used in MQTT topics and the dashboard: 1–32 of a–z, 0–9, '-' and '_'.</summary>
    public string Id { get; set; } = "";

    /// <summary>False keeps the bed listed (status <c>disabled</c>) without opening its camera.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The camera: Kind (Simulated, Device, Stream, File, Folder), Target, Fps, Loop, Reconnect. Its BedId is this bed's Id.</summary>
    public CameraOptions Camera { get; set; } = new();

    /// <summary>Bed script (JSON) of a Simulated camera; empty uses the built-in looping pain episode.</summary>
    public string? Script { get; set; }

    /// <summary>Seed of a Simulated camera's infant and noise (beds with different seeds look different).</summary>
    public int Seed { get; set; } = 1;

    /// <summary>Assessments per second for this bed (latest frame wins); empty uses <c>Capture:AssessmentRateHz</c>.</summary>
    public double? AssessmentRateHz { get; set; }

    /// <summary>Face detector for this bed; empty uses <c>Capture:Detector</c>.</summary>
    public DetectorOptions? Detector { get; set; }

    /// <summary>The camera as a person names it (kind and target).</summary>
    public string DescribeCamera() => string.IsNullOrEmpty(Camera.Target) ? Camera.Kind.ToString() : $"{Camera.Kind} {Camera.Target}";

    /// <summary>The camera options with <see cref="CameraOptions.BedId"/> set to this bed.</summary>
    public CameraOptions CameraForBed() => Camera with { BedId = Id };
}
