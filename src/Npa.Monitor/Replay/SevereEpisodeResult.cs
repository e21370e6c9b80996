namespace Npa.Monitor.Replay;

/// <summary>One scripted severe episode (a contiguous span where the script says NIPS ≥ 5) and how the monitor answered it.</summary>
/// <param name="BedId">Bed.</param>
/// <param name="Onset">First instant at NIPS ≥ 5.</param>
/// <param name="End">Last instant at NIPS ≥ 5.</param>
/// <param name="PeakNips">Highest scripted NIPS in the span.</param>
/// <param name="Alerted">An alert episode ran during the span (or began within the grace after it).</param>
/// <param name="DelaySeconds">Alert start minus onset (0 when an alert was already running), when alerted.</param>
/// <param name="Category">Highest category (wire name) the alert reported by the end of the span plus grace.</param>
/// <param name="SevereDelaySeconds">First alert event in the severe category minus onset, when there was one.</param>
public sealed record SevereEpisodeResult(
    string BedId,
    DateTimeOffset Onset,
    DateTimeOffset End,
    int PeakNips,
    bool Alerted,
    double? DelaySeconds,
    string? Category,
    double? SevereDelaySeconds);
