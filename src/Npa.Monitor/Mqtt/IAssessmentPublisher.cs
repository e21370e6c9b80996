using Npa.Shared.Messages;

namespace Npa.Monitor.Mqtt;

/// <summary>Where the monitor's per-bed results go (MQTT in production).</summary>
public interface IAssessmentPublisher
{
    /// <summary>One assessed frame; best effort (dropped and counted while the broker is away).</summary>
    Task PublishAssessmentAsync(AssessmentMessage message, CancellationToken ct = default);

    /// <summary>The bed's smoothed state (retained, QoS 1); returns once it is stored durably for delivery.</summary>
    Task PublishStateAsync(BedStateMessage message, CancellationToken ct = default);

    /// <summary>A pain episode event (QoS 1, never dropped); returns once it is stored durably for delivery.</summary>
    Task PublishAlertAsync(AlertEventMessage message, CancellationToken ct = default);

    /// <summary>The bed's camera status (retained, QoS 1); returns once it is stored durably for delivery.</summary>
    Task PublishStatusAsync(BedStatusMessage message, CancellationToken ct = default);

    /// <summary>Service throughput (QoS 0, best effort).</summary>
    Task PublishStatsAsync(StatsMessage message, CancellationToken ct = default);
}
