using System.Runtime.Versioning;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Npa.Monitor.Mqtt;
using Npa.Monitor.Storage;
using Npa.Monitor.Tests.Storage;

namespace Npa.Monitor.Tests.Mqtt;

/// <summary>The publisher against an external mosquitto that wants TLS or a user and password.</summary>
[SupportedOSPlatform("linux")]
public sealed class MqttExternalBroker_Tests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Tls_With_The_Configured_Ca_File_Connects_And_Delivers()
    {
        string caFile = _temp.File("ca.pem");
        await using var broker = await MosquittoBroker.StartAsync(folder => WriteTlsFiles(folder, caFile));
        var options = new MqttOptions { Mode = MqttMode.External, Host = "localhost", Port = broker.Port, Tls = true, CaFile = caFile, ReconnectMinDelay = TimeSpan.FromMilliseconds(20) };
        Assert.False(new MqttOptionsValidator().Validate(null, options).Failed);
        using var outbox = new SqliteOutbox(_temp.File("outbox.db"), 100);
        await using var publisher = new ReliableMqttPublisher(options, MonitorMqttCredentials.Resolve(options), outbox, "npa/available");
        await publisher.StartAsync();
        publisher.Enqueue(new OutboxMessage(OutboxKind.Alert, "npa/beds/b1/alert", "{}"u8.ToArray(), 1, false));
        await Eventually.HoldsAsync(() => outbox.Count == 0 && publisher.Connects == 1, "alert delivered over TLS");
    }

    [Fact]
    public async Task Tls_Without_Trusting_The_Ca_Never_Connects()
    {
        string caFile = _temp.File("ca.pem");
        await using var broker = await MosquittoBroker.StartAsync(folder => WriteTlsFiles(folder, caFile));
        var options = new MqttOptions { Mode = MqttMode.External, Host = "localhost", Port = broker.Port, Tls = true, ReconnectMinDelay = TimeSpan.FromMilliseconds(20) };
        using var outbox = new SqliteOutbox(_temp.File("outbox.db"), 100);
        await using var publisher = new ReliableMqttPublisher(options, MonitorMqttCredentials.Resolve(options), outbox, "npa/available");
        await publisher.StartAsync();
        publisher.Enqueue(new OutboxMessage(OutboxKind.Alert, "npa/beds/b1/alert", "{}"u8.ToArray(), 1, false));
        await Eventually.HoldsAsync(() => publisher.ConnectFailures >= 3, "three refused TLS handshakes");
        Assert.Equal(0, publisher.Connects);
        Assert.Equal(1, outbox.Count);
    }

    [Fact]
    public async Task Username_And_Password_File_Authenticate_And_A_Wrong_Password_Is_Refused()
    {
        await using var broker = await MosquittoBroker.StartAsync(folder =>
        {
            File.WriteAllText(Path.Combine(folder, "passwd"), MosquittoPasswordLine("monitor", "right-pw") + "\n");
            return $"allow_anonymous false\npassword_file {Path.Combine(folder, "passwd")}";
        });
        await File.WriteAllTextAsync(_temp.File("good.pw"), "right-pw\n");
        await File.WriteAllTextAsync(_temp.File("bad.pw"), "wrong-pw\n");

        var good = await ConnectsAsync(broker.Port, _temp.File("good.pw"));
        Assert.Equal((1, 0), good);
        var bad = await ConnectsAsync(broker.Port, _temp.File("bad.pw"));
        Assert.Equal((0, 1), bad);
    }

    private async Task<(long Connects, int Pending)> ConnectsAsync(int port, string passwordFile)
    {
        var options = new MqttOptions
        {
            Mode = MqttMode.External, Port = port, Username = "monitor", PasswordFile = passwordFile,
            ReconnectMinDelay = TimeSpan.FromMilliseconds(20), ReconnectMaxDelay = TimeSpan.FromMilliseconds(50),
        };
        Assert.False(new MqttOptionsValidator().Validate(null, options).Failed);
        using var outbox = new SqliteOutbox(_temp.File(Guid.NewGuid().ToString("N") + ".db"), 100);
        await using var publisher = new ReliableMqttPublisher(options, MonitorMqttCredentials.Resolve(options), outbox, "npa/available");
        await publisher.StartAsync();
        publisher.Enqueue(new OutboxMessage(OutboxKind.Alert, "npa/beds/b1/alert", "{}"u8.ToArray(), 1, false));
        // Either the alert is delivered, or the broker has refused the login three times (the loop keeps retrying).
        await Eventually.HoldsAsync(() => outbox.Count == 0 || publisher.ConnectFailures >= 3, "delivered or refused");
        return (publisher.Connects, outbox.Count);
    }

    /// <summary>A mosquitto 2 password line: PBKDF2-SHA512, 101 iterations, as mosquitto_passwd writes it.</summary>
    private static string MosquittoPasswordLine(string user, string password)
    {
        byte[] salt = RandomNumberGenerator.GetBytes(12);
        byte[] hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, 101, HashAlgorithmName.SHA512, 64);
        return $"{user}:$7$101${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";
    }

    /// <summary>A throwaway CA and a localhost server certificate signed by it; returns the listener's TLS settings.</summary>
    private static string WriteTlsFiles(string folder, string caFile)
    {
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=npa-test-ca", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        // One instant for both certificates: the leaf must not outlive its CA by the microseconds between two clock reads.
        var now = DateTimeOffset.UtcNow;
        using var ca = caRequest.CreateSelfSigned(now.AddMinutes(-5), now.AddHours(2));

        using var serverKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost", serverKey, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName("localhost");
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var server = request.Create(ca, now.AddMinutes(-5), now.AddHours(1), RandomNumberGenerator.GetBytes(8));

        File.WriteAllText(caFile, ca.ExportCertificatePem());
        File.WriteAllText(Path.Combine(folder, "ca.pem"), ca.ExportCertificatePem());
        File.WriteAllText(Path.Combine(folder, "server.pem"), server.ExportCertificatePem());
        File.WriteAllText(Path.Combine(folder, "server.key"), serverKey.ExportPkcs8PrivateKeyPem());
        return $"""
            allow_anonymous true
            cafile {Path.Combine(folder, "ca.pem")}
            certfile {Path.Combine(folder, "server.pem")}
            keyfile {Path.Combine(folder, "server.key")}
            """;
    }
}
