using System.Text;

namespace Npa.Monitor.Mqtt;

/// <summary>Payloads of the retained availability topic.</summary>
public static class MqttAvailability
{
    /// <summary>The monitor is connected and publishing.</summary>
    public const string Online = "online";

    /// <summary>Last Will: the monitor vanished without a clean shutdown.</summary>
    public const string Offline = "offline";

    /// <summary>The monitor shut down cleanly.</summary>
    public const string Stopped = "stopped";

    /// <summary>UTF-8 bytes of a payload.</summary>
    public static byte[] Bytes(string payload) => Encoding.UTF8.GetBytes(payload);
}
