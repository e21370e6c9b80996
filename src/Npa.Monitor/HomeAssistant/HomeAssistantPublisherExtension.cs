using Microsoft.Extensions.Logging;
using Npa.Monitor.Mqtt;

namespace Npa.Monitor.HomeAssistant;

/// <summary>Attaches Home Assistant discovery (<see cref="HomeAssistantAnnouncer"/>) to the monitor's publisher; nothing when disabled.</summary>
public sealed class HomeAssistantPublisherExtension(HomeAssistantOptions options, IReadOnlyList<string> beds, ILogger? logger) : IMqttPublisherExtension
{
    /// <inheritdoc/>
    public void Attach(MqttAssessmentPublisher publisher) => HomeAssistantAnnouncer.Attach(publisher, options, beds, logger);
}
