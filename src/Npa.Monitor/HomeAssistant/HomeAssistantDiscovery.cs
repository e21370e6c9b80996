using System.Text;
using System.Text.Json.Nodes;
using Npa.Shared.Messages;

namespace Npa.Monitor.HomeAssistant;

/// <summary>
/// The discovery configs of this monitor's beds: per bed one Home Assistant device with four entities read from the
/// topics the monitor already publishes (nothing new goes over MQTT, and images never do), each available while
/// this instance's <c>…/available</c> says <c>online</c>.
/// </summary>
public static class HomeAssistantDiscovery
{
    /// <summary>Jinja that maps the monitor's <c>online</c>/<c>offline</c>/<c>stopped</c> to Home Assistant's two words.</summary>
    public const string AvailabilityTemplate = "{{ 'online' if value == 'online' else 'offline' }}";

    /// <summary>The node id in use: <see cref="HomeAssistantOptions.NodeId"/>, or the topic prefix with '/' as '_'.</summary>
    public static string NodeId(HomeAssistantOptions options, string topicPrefix)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(topicPrefix);
        return options.NodeId ?? topicPrefix.Replace('/', '_');
    }

    /// <summary>The configs for <paramref name="beds"/> (in bed order, then entity order), for monitor <paramref name="instanceId"/>.</summary>
    public static IReadOnlyList<DiscoveryConfig> Build(HomeAssistantOptions options, string topicPrefix, string instanceId, IEnumerable<string> beds, string version)
    {
        ArgumentNullException.ThrowIfNull(beds);
        string node = NodeId(options, topicPrefix);
        var topics = new MqttTopics(topicPrefix);
        var configs = new List<DiscoveryConfig>();
        foreach (string bed in beds.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            foreach (var entity in HomeAssistantEntities.All)
            {
                var config = entity.Describe(topics, bed);
                config["unique_id"] = $"{node}_{bed}_{entity.Key}";
                config["availability"] = new JsonArray(new JsonObject
                {
                    ["topic"] = topics.Available(instanceId),
                    ["value_template"] = AvailabilityTemplate,
                });
                config["device"] = new JsonObject
                {
                    ["identifiers"] = new JsonArray($"{node}_{bed}"),
                    ["name"] = $"Bed {bed}",
                    ["manufacturer"] = "NpaMonitor",
                    ["model"] = "npa-monitor (NIPS)",
                    ["sw_version"] = version,
                };
                config["origin"] = new JsonObject { ["name"] = "npa-monitor", ["sw_version"] = version };
                configs.Add(new DiscoveryConfig($"{options.DiscoveryPrefix}/{entity.Component}/{node}/{bed}_{entity.Key}/config",
                    Encoding.UTF8.GetBytes(config.ToJsonString())));
            }
        }
        return configs;
    }
}
