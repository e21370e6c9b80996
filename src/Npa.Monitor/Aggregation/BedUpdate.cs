namespace Npa.Monitor.Aggregation;

/// <summary>The aggregator's answer to one observation: the bed's state and any alert events raised.</summary>
/// <param name="Snapshot">State after the observation.</param>
/// <param name="Events">Episode events raised by it (usually none).</param>
/// <param name="StateChanged">True when something a viewer sees changed (category, face, camera, episode).</param>
public sealed record BedUpdate(BedSnapshot Snapshot, IReadOnlyList<AlertEvent> Events, bool StateChanged);
