using System.Reflection;
using System.Text;
using Microsoft.Extensions.Logging;
using MQTTnet;
using Npa.Monitor.Mqtt;

namespace Npa.Monitor.HomeAssistant;

/// <summary>
/// Puts the discovery configs on the monitor's own MQTT link: retained at every connect, and again whenever Home
/// Assistant announces itself <c>online</c> on its status topic. A clean stop leaves them: clearing a config deletes
/// the entity in Home Assistant, while the instance's <c>stopped</c> already marks it unavailable.
/// </summary>
public static class HomeAssistantAnnouncer
{
    /// <summary>Home Assistant's birth payload.</summary>
    public const string Online = "online";

    /// <summary>The version the configs carry (informational version of the monitor).</summary>
    public static string MonitorVersion { get; } =
        typeof(HomeAssistantAnnouncer).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>Registers the configs for <paramref name="beds"/> on <paramref name="publisher"/> (before it starts); does nothing when discovery is off. Returns the number of configs.</summary>
    public static int Attach(MqttAssessmentPublisher publisher, HomeAssistantOptions options, IEnumerable<string> beds, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(publisher);
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled) return 0;
        var link = publisher.Link;
        var mqtt = publisher.Options;
        var configs = HomeAssistantDiscovery.Build(options, mqtt.TopicPrefix, mqtt.InstanceId, beds, MonitorVersion);
        foreach (var config in configs) link.AnnounceOnConnect(config.Topic, () => config.Payload, clearOnStop: false);
        link.SubscribeOnConnect(options.StatusTopic, m => OnStatusAsync(m, link, configs, logger));
        logger?.LogInformation("Home Assistant discovery: {Count} configs under {Prefix}/…/{Node}/, sent again when {Status} says online",
            configs.Count, options.DiscoveryPrefix, HomeAssistantDiscovery.NodeId(options, mqtt.TopicPrefix), options.StatusTopic);
        return configs.Count;
    }

    private static async Task OnStatusAsync(MqttApplicationMessage message, ReliableMqttPublisher link, IReadOnlyList<DiscoveryConfig> configs, ILogger? logger)
    {
        if (!string.Equals(Encoding.UTF8.GetString(message.Payload).Trim(), Online, StringComparison.Ordinal)) return;
        logger?.LogInformation("Home Assistant is online; publishing its {Count} discovery configs again", configs.Count);
        foreach (var config in configs) await link.PublishBestEffortAsync(config.Topic, config.Payload, 1, retain: true);
    }
}
