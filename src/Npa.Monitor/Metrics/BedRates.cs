namespace Npa.Monitor.Metrics;

/// <summary>One bed's rates over the last stats interval.</summary>
/// <param name="BedId">Bed.</param>
/// <param name="CameraFps">Frames per second delivered by the camera.</param>
/// <param name="AssessedFps">Frames per second scored by the model.</param>
/// <param name="SkippedFps">Frames per second dropped before scoring.</param>
/// <param name="LatencyMs">Mean time from queue to result of this bed's assessments.</param>
/// <param name="FlaggedTotal">Frames kept for relabeling since start.</param>
public sealed record BedRates(string BedId, double CameraFps, double AssessedFps, double SkippedFps, double LatencyMs, long FlaggedTotal);
