using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using MQTTnet.Server;

namespace Npa.Monitor.Mqtt;

/// <summary>The embedded broker's one listener: plain TCP, or TLS when it has a certificate; never both.</summary>
internal static class EmbeddedBrokerEndpoint
{
    public static MqttServerOptions Build(IPAddress address, int port, X509Certificate2? certificate)
    {
        // MQTTnet also listens on the IPv6 wildcard unless told not to: that would open the broker on every
        // interface, so only the configured address family gets an address, the other gets None.
        bool v6 = address.AddressFamily == AddressFamily.InterNetworkV6;
        var v4Address = v6 ? IPAddress.None : address;
        var v6Address = v6 ? address : IPAddress.None;
        var builder = new MqttServerOptionsBuilder();
        if (certificate is null)
        {
            return builder.WithDefaultEndpoint()
                .WithDefaultEndpointBoundIPAddress(v4Address)
                .WithDefaultEndpointBoundIPV6Address(v6Address)
                .WithDefaultEndpointPort(port)
                .Build();
        }
        return builder.WithoutDefaultEndpoint()
            .WithEncryptedEndpoint()
            .WithEncryptedEndpointBoundIPAddress(v4Address)
            .WithEncryptedEndpointBoundIPV6Address(v6Address)
            .WithEncryptedEndpointPort(port)
            .WithEncryptionCertificate(certificate)
            .Build();
    }
}
