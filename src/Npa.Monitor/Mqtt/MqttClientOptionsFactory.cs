using System.Security.Cryptography.X509Certificates;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Npa.Monitor.Mqtt;

/// <summary>Builds the monitor client's MQTTnet options: MQTT 5, credentials, TLS, and the Last Will on the availability topic.</summary>
internal static class MqttClientOptionsFactory
{
    public static MqttClientOptions Create(MqttOptions options, MonitorMqttCredentials credentials, string availabilityTopic, string willPayload)
    {
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(options.Host, options.Port)
            .WithClientId(options.ClientId)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithCleanStart(true)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(5))
            .WithTimeout(TimeSpan.FromSeconds(10))
            .WithWillTopic(availabilityTopic)
            .WithWillPayload(willPayload)
            .WithWillRetain(true)
            .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce);
        if (credentials.Username is not null) builder.WithCredentials(credentials.Username, credentials.Password);
        if (options.Tls)
        {
            builder.WithTlsOptions(tls =>
            {
                tls.UseTls().WithTargetHost(options.Host);
                if (options.CaFile is { } caFile)
                {
                    var chain = new X509Certificate2Collection();
                    chain.ImportFromPemFile(caFile);
                    if (chain.Count == 0) throw new InvalidOperationException($"Mqtt:CaFile '{caFile}' holds no PEM certificate");
                    tls.WithTrustChain(chain);
                }
            });
        }
        return builder.Build();
    }
}
