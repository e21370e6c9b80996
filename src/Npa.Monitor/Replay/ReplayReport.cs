namespace Npa.Monitor.Replay;

/// <summary>What a replay measured: the published scores and alerts against the scripts (report.json holds this record).</summary>
public sealed record ReplayReport
{
    public required string ModelId { get; init; }

    public required DateTimeOffset Start { get; init; }

    /// <summary>Virtual time replayed (all beds in parallel).</summary>
    public required double DurationSeconds { get; init; }

    public required int Beds { get; init; }

    /// <summary>Beds × duration.</summary>
    public required double BedHours { get; init; }

    public required double WallSeconds { get; init; }

    /// <summary>Script time / wall time (all beds at once, as the monitor runs them).</summary>
    public required double RealTimeFactor { get; init; }

    /// <summary>Bed time / wall time (the factor per bed-hour).</summary>
    public required double BedTimeFactor { get; init; }

    /// <summary>Assessments at or above Alerts:MinConfidence: the frames that move the bed's score and alerts.</summary>
    public required int ScoredFrames { get; init; }

    /// <summary>Mean |published score − scripted NIPS| over the scored frames; null without any.</summary>
    public required double? Mae { get; init; }

    /// <summary>Every assessment message published, unreadable ones (below Alerts:MinConfidence) included.</summary>
    public int AssessedFrames { get; init; }

    /// <summary>As <see cref="Mae"/>, over every assessment message.</summary>
    public double? AssessedMae { get; init; }

    /// <summary>Band confusion: rows are the scripted band (no pain, mild–moderate, severe), columns the published category.</summary>
    public required IReadOnlyList<IReadOnlyList<int>> BandConfusion { get; init; }

    public required double? BandAccuracy { get; init; }

    /// <summary>Scored frames of scripted severe band published as severe / all scored frames of that band.</summary>
    public required double? SevereRecall { get; init; }

    public required IReadOnlyList<SevereEpisodeResult> SevereEpisodes { get; init; }

    /// <summary>Alerted severe episodes / severe episodes.</summary>
    public required double? SevereSensitivity { get; init; }

    /// <summary>Median alert delay after onset over the alerted severe episodes.</summary>
    public required double? MedianAlertDelaySeconds { get; init; }

    /// <summary>Alert starts while the script stayed at NIPS ≤ 2 (from 10 s before the score crossed until the start).</summary>
    public required int FalseAlertStarts { get; init; }

    /// <summary>Bed-hours the script spent at NIPS ≤ 2.</summary>
    public required double NoPainBedHours { get; init; }

    public required double? FalseAlertStartsPerBedHour { get; init; }

    /// <summary>Occluded sampled frames, all occluders together first, then one row per occluder.</summary>
    public required IReadOnlyList<OcclusionShare> Occlusion { get; init; }

    /// <summary>Alerts:MinConfidence: below it a frame is published as low confidence and does not move the score.</summary>
    public required double LowConfidenceThreshold { get; init; }

    /// <summary>Alerts:MaxScoreSpread: above it a frame is published as low confidence and does not move the score.</summary>
    public required double MaxScoreSpread { get; init; }

    public required IReadOnlyList<BedReplaySummary> PerBed { get; init; }

    /// <summary>Band confusion PNG, relative to the report.</summary>
    public string? ConfusionFigure { get; init; }
}
