using Npa.Shared.Messages;
using Npa.Shared.Nips;

namespace Npa.Monitor.Tests.Mqtt;

/// <summary>Valid payload records for the publisher tests.</summary>
public static class SampleMessages
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    public static AssessmentMessage Assessment(string bed, long seq) => new()
    {
        BedId = bed, Seq = seq, Time = T0.AddSeconds(seq), Face = new FaceBox(10, 20, 100, 100),
        Quality = new FaceQuality(0.9, 120, 0.5), Probs = [0.05f, 0.05f, 0.1f, 0.5f, 0.1f, 0.1f, 0.05f, 0.05f],
        Score = 3.35, Level = 3, Category = NipsCategory.MildToModerate, AlphaA = 0.8f, AlphaB = 0.9f, Alpha = 0.72f,
        BranchesAgree = true, Confidence = 0.5, ModelId = "demo@abc", LatencyMs = 12.5, Flagged = false,
    };

    public static AlertEventMessage Alert(string bed, long seq, AlertEventKind kind) => new()
    {
        BedId = bed, Seq = seq, Time = T0.AddSeconds(seq), Event = kind, EpisodeId = "ep-1", Category = NipsCategory.Severe,
        PeakScore = 5.5, StartedAt = T0, UpdatedAt = T0.AddSeconds(seq), EndedAt = kind == AlertEventKind.End ? T0.AddSeconds(seq) : null,
    };

    public static BedStateMessage State(string bed, long seq) => new()
    {
        BedId = bed, Seq = seq, Time = T0.AddSeconds(seq), SmoothedScore = 4.2, Category = NipsCategory.MildToModerate,
        Since = T0, FaceVisible = true, CameraStatus = BedStatus.Online,
    };

    public static BedStatusMessage Status(string bed, long seq, BedStatus status) => new()
    {
        BedId = bed, Seq = seq, Time = T0.AddSeconds(seq), Status = status,
    };

    public static StatsMessage Stats(long seq) => new()
    {
        MonitorId = "m1", Seq = seq, Time = T0.AddSeconds(seq), UptimeSeconds = 60,
        Beds = [new BedStats { BedId = "bed1", CameraFps = 15, AssessedFps = 2, SkippedFps = 13, InferenceMs = 30, QueueDepth = 0 }],
    };
}
