using System.Diagnostics;
using System.Runtime.Versioning;
using Npa.Monitor.Mqtt;
using Npa.Monitor.Storage;
using Npa.Monitor.Tests.Storage;

namespace Npa.Monitor.Tests.Mqtt;

/// <summary>
/// How soon the publisher is back after a broker outage, on the default back-off (0.5 s doubling to 30 s): a real
/// mosquitto is killed, left down for 10 s (the back-off has grown to 8 s), and started again on the same port.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class PublisherReconnect_Tests : IAsyncLifetime
{
    // The uncut back-off probes at about 0, 0.5, 1.5, 3.5, 7.5 and 15.5 s: the broker returns in the middle of the
    // 8 s step, where the old loop was blind for another 5.5 s.
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Promise = TimeSpan.FromSeconds(2);
    private readonly TempFolder _temp = new();
    private MosquittoBroker _broker = null!;
    private SqliteOutbox _outbox = null!;
    private ReliableMqttPublisher _publisher = null!;

    public async Task InitializeAsync()
    {
        _broker = await MosquittoBroker.StartAsync();
        var options = new MqttOptions { Mode = MqttMode.External, Port = _broker.Port };
        Assert.False(new MqttOptionsValidator().Validate(null, options).Failed);
        _outbox = new SqliteOutbox(_temp.File("outbox.db"), 100);
        _publisher = new ReliableMqttPublisher(options, MonitorMqttCredentials.Resolve(options), _outbox, "npa/available");
        await _publisher.StartAsync();
        await Eventually.HoldsAsync(() => _publisher.Connects == 1, "first connect");
    }

    public async Task DisposeAsync()
    {
        await _publisher.DisposeAsync();
        _outbox.Dispose();
        await _broker.DisposeAsync();
        _temp.Dispose();
    }

    [Fact]
    public async Task Alert_Waiting_Through_A_Long_Outage_Goes_Out_Within_Two_Seconds_Of_The_Broker_Return()
    {
        await _broker.KillAsync();
        _publisher.Enqueue(Alert());
        await Task.Delay(Outage); // the outage itself, not a wait for a condition
        var back = await RestartAndTimeDeliveryAsync();
        Assert.True(back < Promise, $"delivered {back.TotalSeconds:0.0} s after the broker was back; promised under {Promise.TotalSeconds} s");
    }

    [Fact]
    public async Task Alert_Raised_Late_In_A_Long_Outage_Cuts_The_Back_Off_Already_Under_Way()
    {
        // Nothing waits at first, so the back-off grows unhindered; the alert comes during an 8 s step.
        await _broker.KillAsync();
        await Task.Delay(Outage);
        _publisher.Enqueue(Alert());
        var back = await RestartAndTimeDeliveryAsync();
        Assert.True(back < Promise, $"delivered {back.TotalSeconds:0.0} s after the broker was back; promised under {Promise.TotalSeconds} s");
    }

    [Fact]
    public async Task Refused_Login_Keeps_The_Exponential_Back_Off_While_An_Alert_Waits()
    {
        // A wrong password does not heal when the broker is back, so probing it every second would only fill the log.
        await using var locked = await MosquittoBroker.StartAsync(_ => "allow_anonymous false");
        var options = new MqttOptions
        {
            Mode = MqttMode.External, Port = locked.Port, ReconnectMinDelay = TimeSpan.FromMilliseconds(50),
            PendingReconnectMaxDelay = TimeSpan.FromMilliseconds(50),
        };
        using var outbox = new SqliteOutbox(_temp.File("locked.db"), 100);
        await using var publisher = new ReliableMqttPublisher(options, MonitorMqttCredentials.Resolve(options), outbox, "npa/available");
        publisher.Enqueue(Alert());
        await publisher.StartAsync();
        await Task.Delay(TimeSpan.FromSeconds(2)); // long enough to count the probes
        // Doubling from 50 ms: probes at 0, 0.05, 0.15, 0.35, 0.75 and 1.55 s; cut to 50 ms it would be about 40.
        Assert.InRange(publisher.ConnectFailures, 3, 8);
        Assert.Equal(0, publisher.Connects);
    }

    private async Task<TimeSpan> RestartAndTimeDeliveryAsync()
    {
        await _broker.RestartAsync(); // returns once the port accepts
        var clock = Stopwatch.StartNew();
        await Eventually.HoldsAsync(() => _publisher.Connects == 2 && _outbox.Count == 0, "reconnected and the alert delivered", seconds: 20);
        return clock.Elapsed;
    }

    private static OutboxMessage Alert() => new(OutboxKind.Alert, "npa/beds/b1/alert", "{\"event\":\"start\"}"u8.ToArray(), 1, false);
}
