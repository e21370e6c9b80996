using System.Net;
using System.Net.Sockets;

namespace Npa.Monitor.Tests.Mqtt;

/// <summary>
/// A hand-built MQTT 3.1.1 CONNECT with an empty client id, for the one case no real client sends: mosquitto_sub
/// refuses <c>--disable-clean-session</c> without <c>-i</c> before it connects, and libmosquitto refuses <c>-i ''</c>.
/// </summary>
public static class RawConnect
{
    /// <summary>Sends CONNECT (protocol level 4, no user, keep-alive 60 s) and returns the 4-byte CONNACK.</summary>
    public static async Task<byte[]> EmptyIdConnAckAsync(int port, bool cleanSession)
    {
        byte flags = cleanSession ? (byte)0x02 : (byte)0x00;
        byte[] connect =
        [
            0x10, 12,                              // CONNECT, remaining length
            0x00, 0x04, (byte)'M', (byte)'Q', (byte)'T', (byte)'T', 0x04, // protocol name, level 4 = 3.1.1
            flags, 0x00, 60,                       // connect flags, keep-alive
            0x00, 0x00,                            // client id: zero bytes
        ];
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
