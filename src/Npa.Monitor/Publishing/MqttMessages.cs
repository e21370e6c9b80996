using Npa.Capture.Frames;
using Npa.Monitor.Aggregation;
using Npa.Monitor.Metrics;
using Npa.Monitor.Pipeline;
using Npa.Shared.Messages;

namespace Npa.Monitor.Publishing;

/// <summary>Maps the monitor's results to the shared MQTT payload records.</summary>
public static class MqttMessages
{
    /// <summary>The assessment of a scored frame; <paramref name="gate"/> decides its <c>low_confidence</c> as the bed's aggregator does.</summary>
    public static AssessmentMessage Assessment(AssessedFrame a, long seq, ReadingGate gate)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(gate);
        var f = a.Frame;
        var r = a.Result ?? throw new ArgumentException($"frame {f.BedId}#{f.Sequence} was not scored, so it has no assessment", nameof(a));
        var box = f.Face ?? default;
        var q = f.Quality;
        return new AssessmentMessage
        {
            BedId = f.BedId,
            Seq = seq,
            Time = f.Timestamp,
            Face = new FaceBox(box.X, box.Y, box.Width, box.Height),
            Quality = new FaceQuality(q?.DetectorScore ?? f.DetectionScore ?? 0, q?.Sharpness ?? 0, q?.MeanLuma ?? 0),
            Probs = r.Fused,
            Score = r.ExpectedScore,
            Level = r.Level,
            Category = r.Category,
            AlphaA = r.AlphaA,
            AlphaB = r.AlphaB,
            Alpha = r.AlphaFused,
            BranchesAgree = r.BranchesAgree,
            Confidence = r.Confidence,
            ScoreSpread = r.ScoreSpread,
            LowConfidence = gate.IsLowConfidence(r),
            ModelId = r.ModelId,
            LatencyMs = a.LatencyMs,
            Flagged = a.Flagged,
        };
    }

    public static BedStateMessage State(BedSnapshot s, long seq)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new BedStateMessage
        {
            BedId = s.BedId,
            Seq = seq,
            Time = s.Time,
            SmoothedScore = s.Score,
            Category = s.Category,
            Since = s.Since,
            FaceVisible = s.Face == FaceState.Visible,
            CameraStatus = StatusOf(s),
            EpisodeId = s.Episode?.EpisodeId,
            HoldUntil = s.Alarm?.HoldUntil,
            SilencedUntil = s.Alarm?.SilencedUntil,
            AlarmBy = s.Alarm?.By,
            AcknowledgedBy = s.Episode is { } e && s.Alarm?.Acknowledges(e.EpisodeId) == true ? s.Alarm.AcknowledgedBy : null,
        };
    }

    public static BedStatusMessage Status(BedSnapshot s, long seq)
    {
        ArgumentNullException.ThrowIfNull(s);
        var status = StatusOf(s);
        string? detail = status switch
        {
            BedStatus.Offline => s.CameraDetail ?? "no frames from the camera",
            BedStatus.NoFace => s.Face switch
            {
                FaceState.LowQuality => "face found but image quality too low",
                FaceState.Unreadable => "face found but not readable (covered or turned): model confidence too low to score",
                _ => "no face found",
            },
            _ => null,
        };
        return new BedStatusMessage { BedId = s.BedId, Seq = seq, Time = s.Time, Status = status, Detail = detail };
    }

    public static AlertEventMessage Alert(AlertEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new AlertEventMessage
        {
            BedId = e.BedId,
            Seq = e.Sequence,
            Time = e.Time,
            Event = e.Kind,
            EpisodeId = e.EpisodeId,
            Category = e.Category,
            PeakScore = e.Peak,
            StartedAt = e.StartedAt,
            UpdatedAt = e.Time,
            EndedAt = e.EndedAt,
            Reason = e.Reason,
        };
    }

    public static StatsMessage Stats(MonitorStats stats, long seq, string monitorId)
    {
        ArgumentNullException.ThrowIfNull(stats);
        // Per-frame model time: the batch's time shared by its crops.
        double perFrame = stats.MeanBatchSize > 0 ? stats.InferenceMs / stats.MeanBatchSize : 0;
        return new StatsMessage
        {
            MonitorId = monitorId,
            Seq = seq,
            Time = stats.Time,
            UptimeSeconds = stats.Uptime.TotalSeconds,
            Beds = stats.Beds.Select(b => new BedStats
            {
                BedId = b.BedId,
                CameraFps = b.CameraFps,
                AssessedFps = b.AssessedFps,
                SkippedFps = b.SkippedFps,
                InferenceMs = perFrame,
                QueueDepth = stats.QueueDepth,
            }).ToList(),
        };
    }

    /// <summary>The status topic's view: camera state, or no_face while frames arrive without a usable face.</summary>
    public static BedStatus StatusOf(BedSnapshot s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return s.Camera switch
        {
            CameraStatus.Disabled => BedStatus.Disabled,
            CameraStatus.Online => s.Face is FaceState.NoFace or FaceState.LowQuality or FaceState.Unreadable ? BedStatus.NoFace : BedStatus.Online,
            _ => BedStatus.Offline,
        };
    }
}
