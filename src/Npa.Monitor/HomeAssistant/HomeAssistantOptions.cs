namespace Npa.Monitor.HomeAssistant;

/// <summary>Home Assistant MQTT discovery (config section <c>HomeAssistant</c>); off by default.</summary>
public sealed class HomeAssistantOptions
{
    /// <summary>Publish discovery configs so that Home Assistant creates an entity set per bed (default false).</summary>
    public bool Enabled { get; set; }

    /// <summary>Home Assistant's discovery prefix (its MQTT integration's setting; default <c>homeassistant</c>).</summary>
    public string DiscoveryPrefix { get; set; } = "homeassistant";

    /// <summary>
    /// Topic of Home Assistant's birth message (default <c>homeassistant/status</c>): on <c>online</c> the configs are
    /// published again, since a broker without persistence lost them when it restarted.
    /// </summary>
    public string StatusTopic { get; set; } = "homeassistant/status";

    /// <summary>
    /// Node id in the config topics and the first part of each unique id (letters, digits, '-', '_'); null: the
    /// MQTT topic prefix with '/' turned into '_' (<c>npa</c>). Beds, not monitors, are the entities: a bed moved to
    /// another monitor keeps its entities.
    /// </summary>
    public string? NodeId { get; set; }
}
