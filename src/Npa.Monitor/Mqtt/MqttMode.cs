namespace Npa.Monitor.Mqtt;

/// <summary>Which broker the monitor publishes to.</summary>
public enum MqttMode
{
    /// <summary>The MQTTnet server inside the monitor, on loopback by default.</summary>
    Embedded = 0,

    /// <summary>A broker run elsewhere (mosquitto or any MQTT 5 broker).</summary>
    External = 1,
}
