using Npa.Shared.Messages;
using Npa.Shared.Nips;

namespace Npa.Shared.Tests.Messages;

internal static class MessageSamples
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 25, 19, 42, 7, 250, TimeSpan.Zero);

    public static AssessmentMessage Assessment()
    {
        float[] probs = [0.01f, 0.02f, 0.05f, 0.12f, 0.30f, 0.35f, 0.10f, 0.05f];
        return new AssessmentMessage
        {
            BedId = "nicu-3",
            Seq = 18234,
            Time = T0,
            Face = new FaceBox(212, 96, 180, 180),
            Quality = new FaceQuality(0.94, 182.5, 121.3),
            Probs = probs,
            Score = Math.Round(NipsScale.ExpectedScore(probs), 4),
            Level = NipsScale.ArgMax(probs),
            Category = NipsCategory.Severe,
            AlphaA = 0.81f,
            AlphaB = 0.74f,
            Alpha = 0.5994f,
            BranchesAgree = true,
            Confidence = 0.35,
            ModelId = "hsn-r50-effv2s-2026-11-25.1",
            LatencyMs = 41.7,
            Flagged = false,
        };
    }

    public static BedStateMessage State() => new()
    {
        BedId = "nicu-3",
        Seq = 912,
        Time = T0.AddMilliseconds(50),
        SmoothedScore = 4.31,
        Category = NipsCategory.MildToModerate,
        Since = T0.AddSeconds(-38),
        FaceVisible = true,
        CameraStatus = BedStatus.Online,
    };

    public static AlertEventMessage Alert() => new()
    {
        BedId = "nicu-3",
        Seq = 14,
        Time = T0.AddSeconds(20),
        Event = AlertEventKind.End,
        EpisodeId = "nicu-3-20261125T194107Z",
        Category = NipsCategory.Severe,
        PeakScore = 5.81,
        StartedAt = T0.AddSeconds(-60),
        UpdatedAt = T0.AddSeconds(5),
        EndedAt = T0.AddSeconds(20),
        Reason = "resolved",
    };

    public static BedStatusMessage Status() => new()
    {
        BedId = "nicu-3",
        Seq = 3,
        Time = T0.AddMinutes(-5),
        Status = BedStatus.NoFace,
        Detail = "no usable face for 10 s",
    };

    public static StatsMessage Stats() => new()
    {
        MonitorId = "ward-3a",
        Seq = 120,
        Time = T0,
        UptimeSeconds = 1203.5,
        Beds =
        [
            new BedStats { BedId = "nicu-3", CameraFps = 30.0, AssessedFps = 4.0, SkippedFps = 26.0, InferenceMs = 33.8, QueueDepth = 0 },
            new BedStats { BedId = "nicu-4", CameraFps = 25.0, AssessedFps = 3.9, SkippedFps = 21.1, InferenceMs = 34.6, QueueDepth = 1 },
        ],
    };
}
