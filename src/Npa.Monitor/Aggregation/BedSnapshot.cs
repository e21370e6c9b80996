using Npa.Capture.Frames;
using Npa.Monitor.Alarms;
using Npa.Shared.Nips;

namespace Npa.Monitor.Aggregation;

/// <summary>What the dashboard and the retained MQTT state show for one bed.</summary>
/// <param name="BedId">Bed.</param>
/// <param name="Time">Time of the last observation.</param>
/// <param name="Score">Smoothed expected NIPS score; null without an assessable face.</param>
/// <param name="RawScore">Last unsmoothed expected score.</param>
/// <param name="Category">Band of <paramref name="Score"/>.</param>
/// <param name="Since">When the current category (or lack of one) began.</param>
/// <param name="Uncertainty">1 − fused α of the last assessment (0 = confident).</param>
/// <param name="Confidence">Largest fused probability of the last assessment.</param>
/// <param name="Face">Face state.</param>
/// <param name="Camera">Camera connection status.</param>
/// <param name="CameraDetail">Why the camera is offline, when it is.</param>
/// <param name="ModelId">Package that scored the last assessment.</param>
/// <param name="Episode">Running pain episode, if any.</param>
/// <param name="AssessedCount">Assessments so far, unreadable ones (below Alerts:MinConfidence) included.</param>
public sealed record BedSnapshot(
    string BedId,
    DateTimeOffset Time,
    double? Score,
    double? RawScore,
    NipsCategory? Category,
    DateTimeOffset Since,
    double? Uncertainty,
    double? Confidence,
    FaceState Face,
    CameraStatus Camera,
    string? CameraDetail,
    string? ModelId,
    ActiveEpisode? Episode,
    long AssessedCount)
{
    /// <summary>What nurses asked of the bed's alarms (hold, silence, ack); null when nothing.</summary>
    public AlarmControl? Alarm { get; init; }
}
