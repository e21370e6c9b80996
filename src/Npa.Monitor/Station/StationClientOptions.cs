using System.Security.Cryptography.X509Certificates;
using MQTTnet;
using MQTTnet.Formatter;
using Npa.Monitor.Mqtt;

namespace Npa.Monitor.Station;

/// <summary>The station client's MQTTnet options: MQTT 5 (so that a refused command comes back as a reason code), clean start, credentials, TLS.</summary>
internal static class StationClientOptions
{
    public static MqttClientOptions Create(StationOptions options)
    {
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(options.Host, options.Port)
            .WithClientId(options.StationClientId())
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithCleanStart(true)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(options.KeepAliveSeconds))
            .WithTimeout(TimeSpan.FromSeconds(10));
        if (options.Username is { Length: > 0 } user)
            builder.WithCredentials(user, MonitorMqttCredentials.ReadPasswordFile(options.PasswordFile!));
        if (options.Tls)
        {
            builder.WithTlsOptions(tls =>
            {
                tls.UseTls().WithTargetHost(options.Host);
                if (options.CaFile is { } caFile)
                {
                    var chain = new X509Certificate2Collection();
                    chain.ImportFromPemFile(caFile);
                    tls.WithTrustChain(chain);
                }
            });
        }
        return builder.Build();
    }
}
