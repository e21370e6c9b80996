using System.Net;
using System.Net.Sockets;

namespace Npa.Monitor.Tests.Mqtt;

/// <summary>
/// A hand-built MQTT 3.1.1 CONNECT with an empty client id, for the one case no real client sends: mosquitto_sub
/// refuses <c>--disable-clean-session</c> without <c>-i</c> before it connects, and libmosquitto refuses <c>-i ''</c>.
/// </summary>
public static class RawConnect
{
    /// <summary>
    /// Sends CONNECT (MQTT 3.1.1, or 3.1 when <paramref name="mqtt31"/>; no user, keep-alive 60 s) and returns the
    /// 4-byte CONNACK.
    /// </summary>
    public static async Task<byte[]> EmptyIdConnAckAsync(int port, bool cleanSession, bool mqtt31 = false)
    {
        byte[] protocol = mqtt31 ? [0x00, 0x06, .. "MQIsdp"u8, 0x03] : [0x00, 0x04, .. "MQTT"u8, 0x04];
        byte flags = cleanSession ? (byte)0x02 : (byte)0x00;
        byte[] rest = [.. protocol, flags, 0x00, 60, 0x00, 0x00]; // flags, keep-alive, client id of zero bytes
        byte[] connect = [0x10, (byte)rest.Length, .. rest];
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(connect);
        var connAck = new byte[4];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await stream.ReadExactlyAsync(connAck, timeout.Token);
        return connAck;
    }
}
