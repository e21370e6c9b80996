using System.Globalization;
using System.Net;
using System.Runtime.Versioning;
using Npa.Monitor.Mqtt;
using Npa.Monitor.Storage;
using Npa.Monitor.Tests.Storage;

namespace Npa.Monitor.Tests.Mqtt;

/// <summary>
/// The embedded broker bound off loopback, as on a ward network: only with TLS, and never for anonymous clients;
/// checked with the real <c>mosquitto_sub</c> over TLS.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class EmbeddedBrokerExposure_Tests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly IPAddress _ward = WardAddress.Find();

    public EmbeddedBrokerExposure_Tests() => File.WriteAllText(_temp.File("nurse.pw"), "s3cret\n");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Off_Loopback_With_Tls_Serves_A_Dashboard_User_And_Refuses_Anonymous_Even_When_Allowed()
    {
        // AllowAnonymousSubscribers stays true on purpose: start would refuse that (see the validator test below),
        // so this is the broker's own rule, for a caller that skips the validator.
        var options = TlsOptions(_ward, allowAnonymous: true);
        await using var monitor = await StartMonitorAsync(options);
        string host = _ward.ToString(), port = Port(options), ca = options.CertificateFile!;

        await using var nurse = MosquittoSubProcess.Start("-h", host, "-p", port, "--cafile", ca, "-u", "nurse", "-P", "s3cret", "-t", "npa/#", "-v");
        await nurse.WaitForLineAsync("npa/available online");

        await using var anonymous = MosquittoSubProcess.Start("-h", host, "-p", port, "--cafile", ca, "-t", "npa/#", "-v");
        Assert.NotEqual(0, await anonymous.WaitForExitAsync());
        Assert.Contains("not authori", anonymous.Stderr, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(anonymous.Lines);

        // Without TLS nothing is served at all: the one listener speaks TLS only.
        await using var plain = MosquittoSubProcess.Start("-h", host, "-p", port, "-u", "nurse", "-P", "s3cret", "-t", "npa/#", "-v", "-W", "3");
        Assert.NotEqual(0, await plain.WaitForExitAsync());
        Assert.Empty(plain.Lines);
    }

    [Fact]
    public async Task Tls_On_Loopback_Still_Lets_Anonymous_Tools_Read()
    {
        var options = TlsOptions(IPAddress.Loopback, allowAnonymous: true);
        Assert.False(new MqttOptionsValidator().Validate(null, options).Failed);
        await using var monitor = await StartMonitorAsync(options);
        await using var tool = MosquittoSubProcess.Start("-h", "127.0.0.1", "-p", Port(options), "--cafile", options.CertificateFile!, "-t", "npa/#", "-v");
        await tool.WaitForLineAsync("npa/available online");
    }

    [Fact]
    public async Task Broker_Refuses_To_Start_Off_Loopback_Without_Tls()
    {
        var options = new MqttOptions { Host = _ward.ToString(), Port = FreePort.Next(), AllowAnonymousSubscribers = false };
        await using var broker = new EmbeddedMqttBroker(options, MonitorMqttCredentials.Resolve(options));
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => broker.StartAsync());
        Assert.Contains("off loopback, only with TLS", ex.Message, StringComparison.Ordinal);
        Assert.False(broker.IsRunning);
    }

    [Fact]
    public void Start_Refuses_Off_Loopback_Without_Tls_And_With_Anonymous_Subscribers()
    {
        var options = new MqttOptions { Host = "0.0.0.0" };
        var errors = string.Join('\n', new MqttOptionsValidator().Validate(null, options).Failures!);
        Assert.Contains("Mqtt:Host is '0.0.0.0', off loopback, but Mqtt:Tls is false", errors, StringComparison.Ordinal);
        Assert.Contains("Mqtt:AllowAnonymousSubscribers is true, but Mqtt:Host '0.0.0.0' is off loopback", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Off_Loopback_With_Tls_And_Without_Anonymous_Subscribers_Is_Valid()
    {
        Assert.False(new MqttOptionsValidator().Validate(null, TlsOptions(_ward, allowAnonymous: false)).Failed);
    }

    private MqttOptions TlsOptions(IPAddress address, bool allowAnonymous)
    {
        var (certificate, key) = SelfSignedCertificate.Write(_temp.Path, address);
        var options = new MqttOptions
        {
            Host = address.ToString(), Port = FreePort.Next(), Tls = true, CertificateFile = certificate, KeyFile = key,
            AllowAnonymousSubscribers = allowAnonymous,
        };
        options.DashboardUsers.Add(new MqttDashboardUser { Username = "nurse", PasswordFile = _temp.File("nurse.pw") });
        return options;
    }

    /// <summary>The broker and the monitor's own client (over TLS when configured), sharing the per-run secret.</summary>
    private async Task<RunningMonitor> StartMonitorAsync(MqttOptions options)
    {
        var credentials = MonitorMqttCredentials.Resolve(options);
        var broker = new EmbeddedMqttBroker(options, credentials);
        await broker.StartAsync();
        var outbox = new SqliteOutbox(_temp.File(Guid.NewGuid().ToString("N") + ".db"), 100);
        var publisher = new ReliableMqttPublisher(options, credentials, outbox, "npa/available");
        await publisher.StartAsync();
        await Eventually.HoldsAsync(() => publisher.Connects == 1, "the monitor's client connects");
        return new RunningMonitor(broker, publisher, outbox);
    }

    private static string Port(MqttOptions options) => options.Port.ToString(CultureInfo.InvariantCulture);

    private sealed record RunningMonitor(EmbeddedMqttBroker Broker, ReliableMqttPublisher Publisher, SqliteOutbox Outbox) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Publisher.DisposeAsync();
            Outbox.Dispose();
            await Broker.DisposeAsync();
        }
    }
}
