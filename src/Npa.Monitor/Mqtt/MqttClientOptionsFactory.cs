using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Npa.Monitor.Mqtt;

/// <summary>Builds the monitor client's MQTTnet options: MQTT 5, credentials, TLS (pinned to the embedded broker's own certificate), and the Last Will on the availability topic.</summary>
internal static class MqttClientOptionsFactory
{
    public static MqttClientOptions Create(MqttOptions options, MonitorMqttCredentials credentials, string availabilityTopic, string willPayload)
    {
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(options.Host, options.Port)
            .WithClientId(options.MonitorClientId())
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithCleanStart(true)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(5))
            .WithTimeout(TimeSpan.FromSeconds(10))
            .WithWillTopic(availabilityTopic)
            .WithWillPayload(willPayload)
            .WithWillRetain(true)
            .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce);
        if (credentials.Username is not null) builder.WithCredentials(credentials.Username, credentials.Password);
        if (options.Tls && options.Mode == MqttMode.Embedded)
        {
            // The broker is in this process and its certificate is known: trust exactly that one (it may well be
            // self-signed, and Host may be a wildcard or an address the certificate does not name).
            byte[] pinned = PinnedHash(options);
            builder.WithTlsOptions(tls => tls.UseTls().WithTargetHost(options.Host)
                .WithCertificateValidationHandler(e => e.Certificate is { } presented && presented.GetCertHash(HashAlgorithmName.SHA256).AsSpan().SequenceEqual(pinned)));
        }
        else if (options.Tls)
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

    private static byte[] PinnedHash(MqttOptions options)
    {
        // The leaf only (the first PEM block); the key is not needed to know what to trust.
        using var certificate = X509Certificate2.CreateFromPem(File.ReadAllText(options.CertificateFile!));
        return certificate.GetCertHash(HashAlgorithmName.SHA256);
    }
}
