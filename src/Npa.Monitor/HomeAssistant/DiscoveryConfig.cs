namespace Npa.Monitor.HomeAssistant;

/// <summary>One Home Assistant discovery config: its retained topic and its JSON payload (UTF-8).</summary>
/// <param name="Topic"><c>{discovery prefix}/{component}/{node id}/{object id}/config</c>.</param>
/// <param name="Payload">The entity's config, as Home Assistant's MQTT integration reads it.</param>
public sealed record DiscoveryConfig(string Topic, byte[] Payload);
