namespace Npa.Monitor.Station;

/// <summary>One bed tile of the ward page: its latest state from whichever monitor owns it, and whether that data is live.</summary>
public sealed record WardBedView
{
    /// <summary>Bed id.</summary>
    public required string Bed { get; init; }

    /// <summary>The monitor instance whose claim names the bed; null when none does.</summary>
    public string? Monitor { get; init; }

    /// <summary>Every instance claiming the bed when more than one does (a configuration fault); null otherwise.</summary>
    public IReadOnlyList<string>? ClaimedBy { get; init; }

    /// <summary>The owner's availability (<c>online</c>, <c>offline</c>, <c>stopped</c>, <c>unknown</c>); <c>unclaimed</c> without an owner.</summary>
    public required string MonitorState { get; init; }

    /// <summary>True when the owner is not online (or no monitor claims the bed): what the tile shows is old.</summary>
    public required bool Stale { get; init; }

    /// <summary>Severity rank for the ward's order (<see cref="WardSeverity"/>): higher first.</summary>
    public required int Rank { get; init; }

    /// <summary>Smoothed NIPS score; null without one.</summary>
    public double? Score { get; init; }

    /// <summary>Band of <see cref="Score"/>; null without one.</summary>
    public string? Category { get; init; }

    /// <summary>Since when the bed has been in its band.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Whether a usable face is seen.</summary>
    public bool? FaceVisible { get; init; }

    /// <summary>Camera status (<c>online</c>, <c>offline</c>, <c>no_face</c>, <c>disabled</c>); null until known.</summary>
    public string? Camera { get; init; }

    /// <summary>The status topic's detail, for people.</summary>
    public string? CameraDetail { get; init; }

    /// <summary>The running pain episode; null when none.</summary>
    public WardEpisodeView? Episode { get; init; }

    /// <summary>On hold during care until then.</summary>
    public DateTimeOffset? HoldUntil { get; init; }

    /// <summary>Alarms silenced until then.</summary>
    public DateTimeOffset? SilencedUntil { get; init; }

    /// <summary>Who asked for the hold or silence.</summary>
    public string? AlarmBy { get; init; }

    /// <summary>Who acknowledged the running episode.</summary>
    public string? AcknowledgedBy { get; init; }

    /// <summary>The model that scored the bed (its latest assessment, else the owner's model topic).</summary>
    public string? ModelId { get; init; }

    /// <summary>When the owner last said anything about the bed.</summary>
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>Chart points: the whole window in a snapshot, only the new point in a live update; null when not sent.</summary>
    public IReadOnlyList<WardPoint>? History { get; init; }
}
