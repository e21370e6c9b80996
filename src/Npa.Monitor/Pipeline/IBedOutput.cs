using Npa.Monitor.Aggregation;

namespace Npa.Monitor.Pipeline;

/// <summary>Somewhere a bed's results go: dashboard, MQTT, flagged-frame store.</summary>
public interface IBedOutput
{
    /// <summary>One sampled frame, scored or not (<see cref="AssessedFrame.IsScored"/>). Called one frame at a time per bed, in order.</summary>
    ValueTask OnAssessedAsync(AssessedFrame assessed, CancellationToken ct = default);

    /// <summary>The bed's aggregated state after an observation, with any alert events.</summary>
    void OnUpdate(BedUpdate update);
}
