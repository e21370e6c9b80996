using System.Net;
using System.Security.Cryptography.X509Certificates;
using MQTTnet.Adapter;
using MQTTnet.Exceptions;
using MQTTnet.Formatter;
using MQTTnet.Packets;
using MQTTnet.Protocol;

namespace Npa.Monitor.Mqtt;

/// <summary>
/// Passes one client connection through unchanged, except that an MQTT 3.1.1 CONNECT with an empty client id and
/// CleanSession = 1 gets an id before the server sees it (MQTT 3.1.1 §3.1.3.1 lets the server assign one).
/// </summary>
/// <remarks>
/// MQTTnet's server assigns ids only to MQTT 5 clients (<c>AssignedClientIdentifier</c>) and refuses every other
/// empty id with "identifier rejected". An empty id with CleanSession = 0 is refused with CONNACK 0x02, as the spec
/// requires: a session that is to be resumed needs a name. MQTT 3.1 (MQIsdp) has no
/// empty ids at all and is left alone. A 3.1.1 client is never told the id; it needs none, its session ends with
/// the connection.
/// </remarks>
internal sealed class ClientIdAssigningChannelAdapter(IMqttChannelAdapter inner, Func<string> newClientId) : IMqttChannelAdapter
{
    private const string EmptyIdWithoutCleanSession = "MQTT-3.1.3-7";

    public long BytesReceived => inner.BytesReceived;

    public long BytesSent => inner.BytesSent;

    public X509Certificate2 ClientCertificate => inner.ClientCertificate;

    public EndPoint RemoteEndPoint => inner.RemoteEndPoint;

    public EndPoint LocalEndPoint => inner.LocalEndPoint;

    public bool IsSecureConnection => inner.IsSecureConnection;

    public MqttPacketFormatterAdapter PacketFormatterAdapter => inner.PacketFormatterAdapter;

    public Task ConnectAsync(CancellationToken cancellationToken) => inner.ConnectAsync(cancellationToken);

    public Task DisconnectAsync(CancellationToken cancellationToken) => inner.DisconnectAsync(cancellationToken);

    public async Task<MqttPacket> ReceivePacketAsync(CancellationToken cancellationToken)
    {
        MqttPacket packet;
        try
        {
            packet = await inner.ReceivePacketAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (MqttProtocolViolationException ex) when (ex.Message.Contains(EmptyIdWithoutCleanSession, StringComparison.Ordinal))
        {
            // MQTTnet's decoder throws for this CONNECT and the server then closes without an answer; the spec wants
            // CONNACK 0x02 first [MQTT-3.1.3-8], and mosquitto sends it. The tag in the message is the only thing
            // that tells this violation from the others; StandardMqttClients_Tests pins it, so an MQTTnet update
            // that rewords it fails a test rather than this answer going quiet.
            await inner.SendPacketAsync(new MqttConnAckPacket { ReturnCode = MqttConnectReturnCode.ConnectionRefusedIdentifierRejected }, cancellationToken)
                .ConfigureAwait(false);
            throw;
        }
        if (packet is MqttConnectPacket { CleanSession: true } connect && string.IsNullOrEmpty(connect.ClientId)
            && inner.PacketFormatterAdapter.ProtocolVersion == MqttProtocolVersion.V311)
        {
            connect.ClientId = newClientId();
        }
        return packet;
    }

    public void ResetStatistics() => inner.ResetStatistics();

    public Task SendPacketAsync(MqttPacket packet, CancellationToken cancellationToken) => inner.SendPacketAsync(packet, cancellationToken);

    // The TCP listener that created the inner adapter disposes it when the connection ends.
    public void Dispose()
    {
    }
}
