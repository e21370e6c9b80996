using System.Globalization;
using System.Runtime.Versioning;
using Npa.Monitor.Mqtt;
using Npa.Monitor.Storage;
using Npa.Monitor.Tests.Storage;

namespace Npa.Monitor.Tests.Mqtt;

/// <summary>
/// The real <c>mosquitto_sub</c> and <c>mosquitto_pub</c> against the embedded broker on its defaults (loopback,
/// anonymous subscribers allowed), as a nurse or an engineer would first try it.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class StandardMqttClients_Tests : IAsyncLifetime
{
    private readonly TempFolder _temp = new();
    private readonly MqttOptions _options = new() { Port = FreePort.Next() };
    private readonly EmbeddedMqttBroker _broker;
    private readonly SqliteOutbox _outbox;
    private readonly ReliableMqttPublisher _publisher;

    public StandardMqttClients_Tests()
    {
        var monitor = MonitorMqttCredentials.Resolve(_options);
        _broker = new EmbeddedMqttBroker(_options, monitor);
        _outbox = new SqliteOutbox(_temp.File("outbox.db"), 100);
        _publisher = new ReliableMqttPublisher(_options, monitor, _outbox, "npa/available");
    }

    private string Port => _options.Port.ToString(CultureInfo.InvariantCulture);

    public async Task InitializeAsync()
    {
        await _broker.StartAsync();
        await _publisher.StartAsync();
        await Eventually.HoldsAsync(() => _publisher.Connects == 1, "the monitor's client connects");
    }

    public async Task DisposeAsync()
    {
        await _publisher.DisposeAsync();
        _outbox.Dispose();
        await _broker.DisposeAsync();
        _temp.Dispose();
    }

    [Fact]
    public async Task Plain_Mosquitto_Sub_With_An_Empty_Id_Receives_The_Monitors_Messages()
    {
        // No -V (MQTT 3.1.1), no -i (empty client id), clean session: what `mosquitto_sub -t 'npa/#' -v` sends.
        await using var sub = MosquittoSubProcess.Start("-h", "127.0.0.1", "-p", Port, "-t", "npa/#", "-v");
        await sub.WaitForLineAsync("npa/available online");
        _publisher.Enqueue(new OutboxMessage(OutboxKind.Alert, "npa/beds/b1/alert", "{\"n\":1}"u8.ToArray(), 1, false));
        await sub.WaitForLineAsync("npa/beds/b1/alert {\"n\":1}");
    }

    [Fact]
    public async Task Two_Empty_Id_Subscribers_Get_Different_Ids_And_Both_Stay_Connected()
    {
        // Were both given the same id, the second would take over the first's session and cut it.
        await using var first = MosquittoSubProcess.Start("-h", "127.0.0.1", "-p", Port, "-t", "npa/#", "-v");
        await first.WaitForLineAsync("npa/available online");
        await using var second = MosquittoSubProcess.Start("-h", "127.0.0.1", "-p", Port, "-t", "npa/#", "-v");
        await second.WaitForLineAsync("npa/available online");
        _publisher.Enqueue(new OutboxMessage(OutboxKind.Alert, "npa/beds/b2/alert", "{\"n\":2}"u8.ToArray(), 1, false));
        await first.WaitForLineAsync("npa/beds/b2/alert {\"n\":2}");
        await second.WaitForLineAsync("npa/beds/b2/alert {\"n\":2}");
    }

    [Fact]
    public async Task Empty_Id_With_Clean_Session_Is_Accepted_On_The_Wire()
    {
        Assert.Equal(new byte[] { 0x20, 0x02, 0x00, 0x00 }, await RawConnect.EmptyIdConnAckAsync(_options.Port, cleanSession: true));
    }

    [Fact]
    public async Task Empty_Id_Without_Clean_Session_Is_Refused_With_Identifier_Rejected()
    {
        // MQTT 3.1.1 §3.1.3.1: a session to be resumed needs a name; CONNACK return code 0x02.
        Assert.Equal(new byte[] { 0x20, 0x02, 0x00, 0x02 }, await RawConnect.EmptyIdConnAckAsync(_options.Port, cleanSession: false));
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, false)]
    [InlineData(true, true)]
    public async Task Empty_Id_Gets_The_Same_Connack_As_From_Mosquitto(bool cleanSession, bool mqtt31)
    {
        await using var mosquitto = await MosquittoBroker.StartAsync();
        Assert.Equal(await RawConnect.EmptyIdConnAckAsync(mosquitto.Port, cleanSession, mqtt31),
            await RawConnect.EmptyIdConnAckAsync(_options.Port, cleanSession, mqtt31));
    }

    [Fact]
    public async Task Mosquitto_Sub_Itself_Will_Not_Send_An_Empty_Id_Without_Clean_Session()
    {
        // Why the refusal above is tested with a hand-built CONNECT: the real client stops before connecting.
        await using var sub = MosquittoSubProcess.Start("-h", "127.0.0.1", "-p", Port, "-t", "npa/#", "-V", "mqttv311", "--disable-clean-session");
        Assert.NotEqual(0, await sub.WaitForExitAsync());
        Assert.Contains("client id", sub.Stderr, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Anonymous_Mosquitto_Pub_Is_Refused_And_Reaches_No_Subscriber()
    {
        await using var sub = MosquittoSubProcess.Start("-h", "127.0.0.1", "-p", Port, "-t", "npa/#", "-v");
        await sub.WaitForLineAsync("npa/available online");
        await MosquittoClients.PublishAsync("-h", "127.0.0.1", "-p", Port, "-t", "npa/beds/b1/alert", "-m", "forged", "-q", "1");
        await MosquittoClients.PublishAsync("-h", "127.0.0.1", "-p", Port, "-t", "npa/available", "-m", "offline", "-r");
        await Eventually.HoldsAsync(() => _broker.RejectedPublishes == 2, "both anonymous publishes refused");

        // A later subscriber sees the monitor's retained "online", not a forged retained "offline".
        await using var late = MosquittoSubProcess.Start("-h", "127.0.0.1", "-p", Port, "-t", "npa/#", "-v");
        await late.WaitForLineAsync("npa/available online");
        _publisher.Enqueue(new OutboxMessage(OutboxKind.Alert, "npa/beds/b1/alert", "{\"n\":3}"u8.ToArray(), 1, false));
        await sub.WaitForLineAsync("npa/beds/b1/alert {\"n\":3}");
        await late.WaitForLineAsync("npa/beds/b1/alert {\"n\":3}");
        Assert.DoesNotContain(sub.Lines.Concat(late.Lines), line => line.Contains("forged", StringComparison.Ordinal) || line.Contains("offline", StringComparison.Ordinal));
    }
}
