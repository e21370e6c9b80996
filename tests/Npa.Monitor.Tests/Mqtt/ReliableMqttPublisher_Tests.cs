using System.Globalization;
using System.Runtime.Versioning;
using System.Text;
using Npa.Monitor.Mqtt;
using Npa.Monitor.Storage;
using Npa.Monitor.Tests.Storage;

namespace Npa.Monitor.Tests.Mqtt;

/// <summary>The publisher against a real mosquitto: availability, in-order outbox delivery through outages and restarts.</summary>
[SupportedOSPlatform("linux")]
public sealed class ReliableMqttPublisher_Tests : IAsyncLifetime
{
    private const string Available = "npa/available";
    private readonly TempFolder _temp = new();
    private MosquittoBroker _broker = null!;
    private TcpGate _gate = null!;

    public async Task InitializeAsync()
    {
        _broker = await MosquittoBroker.StartAsync();
        _gate = new TcpGate(_broker.Port);
    }

    public async Task DisposeAsync()
    {
        await _gate.DisposeAsync();
        await _broker.DisposeAsync();
        _temp.Dispose();
    }

    [Fact]
    public async Task Connect_Publishes_Online_Retained_And_Clean_Stop_Publishes_Stopped()
    {
        using var outbox = new SqliteOutbox(_temp.File("outbox.db"), 100);
        var publisher = NewPublisher(outbox);
        await publisher.StartAsync();
        await Eventually.HoldsAsync(() => publisher.Connects == 1, "publisher connected and announced online");

        // A subscriber arriving later still sees "online": it is retained.
        await using var late = await TestSubscriber.ConnectAsync(_broker.Port, Available);
        await Eventually.HoldsAsync(() => late.Messages.Any(m => m is { Payload: "online", Retain: true }), "retained online");

        await publisher.DisposeAsync();
        await Eventually.HoldsAsync(() => late.PayloadsOn(Available) is [.., "stopped"], "stopped after a clean stop");
        Assert.DoesNotContain("offline", late.PayloadsOn(Available));
    }

    [Fact]
    public async Task Lost_Connection_Gives_Last_Will_Offline_Then_Online_After_Reconnect()
    {
        using var outbox = new SqliteOutbox(_temp.File("outbox.db"), 100);
        await using var publisher = NewPublisher(outbox);
        await using var watcher = await TestSubscriber.ConnectAsync(_broker.Port, Available);
        await publisher.StartAsync();
        await Eventually.HoldsAsync(() => watcher.PayloadsOn(Available).Contains("online"), "online");

        _gate.CutAll(); // the socket dies without an MQTT DISCONNECT
        await Eventually.HoldsAsync(() => watcher.PayloadsOn(Available).Contains("offline"), "Last Will offline");
        await Eventually.HoldsAsync(() => watcher.PayloadsOn(Available).Count(p => p == "online") == 2, "online again after the reconnect");
        await Eventually.HoldsAsync(() => publisher.Connects == 2, "two connects counted");
    }

    [Fact]
    public async Task Broker_Killed_Mid_Stream_Delivers_Every_Alert_In_Order_After_Restart()
    {
        using var outbox = new SqliteOutbox(_temp.File("outbox.db"), 1000);
        await using var publisher = NewPublisher(outbox);
        var subscriber = await TestSubscriber.ConnectAsync(_broker.Port, "npa/beds/#");
        await publisher.StartAsync();
        for (int i = 1; i <= 20; i++) publisher.Enqueue(Alert(i));
        await Eventually.HoldsAsync(() => subscriber.Messages.Count >= 20, "first 20 alerts");

        for (int i = 21; i <= 40; i++) publisher.Enqueue(Alert(i));
        await _broker.KillAsync(); // mid-stream: some of 21..40 may be in flight
        _gate.Close();
        for (int i = 41; i <= 60; i++) publisher.Enqueue(Alert(i));
        await Eventually.HoldsAsync(() => !publisher.IsConnected, "publisher noticed the outage");
        Assert.True(outbox.Count > 0);

        await _broker.RestartAsync();
        await subscriber.DisposeAsync();
        await using var after = await TestSubscriber.ConnectAsync(_broker.Port, "npa/beds/#");
        _gate.Open();
        await Eventually.HoldsAsync(() => outbox.Count == 0, "outbox drained", seconds: 10);
        await Eventually.HoldsAsync(() => Sequence(after).Contains(60), "alert 60 arrived");

        // In order, at least once: dropping repeats (a resend after a lost PUBACK) leaves exactly 1..60 in order.
        var all = Sequence(subscriber).Concat(Sequence(after)).ToList();
        Assert.Equal(Enumerable.Range(1, 60), all.Distinct());
        Assert.True(publisher.Connects >= 2);
    }

    [Fact]
    public async Task Restart_While_Broker_Down_Delivers_The_Outbox_Of_The_Previous_Process()
    {
        string path = _temp.File("outbox.db");
        await using (var watcher = await TestSubscriber.ConnectAsync(_broker.Port, "npa/beds/#"))
        {
            using var outbox = new SqliteOutbox(path, 1000);
            var first = NewPublisher(outbox);
            await first.StartAsync();
            for (int i = 1; i <= 5; i++) first.Enqueue(Alert(i));
            await Eventually.HoldsAsync(() => watcher.Messages.Count == 5 && outbox.Count == 0, "alerts 1..5 delivered and acknowledged");
            await _broker.KillAsync();
            _gate.Close();
            for (int i = 6; i <= 15; i++) first.Enqueue(Alert(i));
            await first.DisposeAsync(); // the process ends while the broker is down
        }

        using var reopened = new SqliteOutbox(path, 1000);
        Assert.Equal(10, reopened.Count);
        await using var second = NewPublisher(reopened);
        await second.StartAsync();
        await _broker.RestartAsync();
        await using var subscriber = await TestSubscriber.ConnectAsync(_broker.Port, "npa/beds/#");
        _gate.Open();
        await Eventually.HoldsAsync(() => reopened.Count == 0, "outbox of the previous process drained", seconds: 10);
        await Eventually.HoldsAsync(() => Sequence(subscriber).Contains(15), "alert 15 arrived");
        // 1..5 were delivered moments before the outage, so they are replayed (duplicates are allowed); 6..15 follow in order.
        Assert.Equal(Enumerable.Range(1, 15), Sequence(subscriber).Distinct());
        Assert.Equal(Enumerable.Range(6, 10), Sequence(subscriber).Where(n => n >= 6));
    }

    [Fact]
    public async Task Alerts_Delivered_Just_Before_A_Drop_Are_Replayed_After_The_Reconnect()
    {
        using var outbox = new SqliteOutbox(_temp.File("outbox.db"), 100);
        await using var publisher = NewPublisher(outbox);
        await using var subscriber = await TestSubscriber.ConnectAsync(_broker.Port, "npa/beds/#");
        await publisher.StartAsync();
        publisher.Enqueue(Alert(1));
        await Eventually.HoldsAsync(() => outbox.Count == 0 && outbox.AcknowledgedCount == 1, "alert 1 acknowledged and kept");

        _gate.CutAll(); // as if the broker died right after its PUBACK
        await Eventually.HoldsAsync(() => publisher.Connects == 2, "reconnected");
        publisher.Enqueue(Alert(2));
        await Eventually.HoldsAsync(() => Sequence(subscriber).Contains(2), "alert 2");
        Assert.Equal([1, 1, 2], Sequence(subscriber));
    }

    [Fact]
    public async Task Alerts_Delivered_Longer_Ago_Than_The_Replay_Window_Are_Not_Replayed()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        using var outbox = new SqliteOutbox(_temp.File("outbox.db"), 100);
        await using var publisher = NewPublisher(outbox, clock);
        await using var subscriber = await TestSubscriber.ConnectAsync(_broker.Port, "npa/beds/#");
        await publisher.StartAsync();
        publisher.Enqueue(Alert(1));
        await Eventually.HoldsAsync(() => outbox.AcknowledgedCount == 1, "alert 1 acknowledged");

        clock.Now += TimeSpan.FromSeconds(11); // the connection stays up past the 10 s window, then drops
        _gate.CutAll();
        await Eventually.HoldsAsync(() => publisher.Connects == 2, "reconnected");
        publisher.Enqueue(Alert(2));
        await Eventually.HoldsAsync(() => Sequence(subscriber).Contains(2), "alert 2");
        await Eventually.HoldsAsync(() => outbox.AcknowledgedCount == 1, "only alert 2 kept");
        Assert.Equal([1, 2], Sequence(subscriber));
    }

    [Fact]
    public async Task Best_Effort_Messages_While_Disconnected_Are_Counted_Not_Queued()
    {
        _gate.Close();
        using var outbox = new SqliteOutbox(_temp.File("outbox.db"), 100);
        await using var publisher = NewPublisher(outbox);
        await publisher.StartAsync();
        await publisher.PublishBestEffortAsync("npa/stats", Encoding.UTF8.GetBytes("{}"), 0, false);
        Assert.Equal(1, publisher.BestEffortDropped);
        Assert.Equal(0, outbox.Count);
    }

    private ReliableMqttPublisher NewPublisher(SqliteOutbox outbox, TimeProvider? time = null) =>
        new(new MqttOptions
        {
            Mode = MqttMode.External, Port = _gate.Port, ClientId = "npa-monitor-test",
            ReconnectMinDelay = TimeSpan.FromMilliseconds(20), ReconnectMaxDelay = TimeSpan.FromMilliseconds(200),
        }, new MonitorMqttCredentials(null, null), outbox, Available, time: time);

    private static OutboxMessage Alert(int n) =>
        new(OutboxKind.Alert, "npa/beds/bed1/alert", Encoding.UTF8.GetBytes(n.ToString(CultureInfo.InvariantCulture)), 1, false);

    private static List<int> Sequence(TestSubscriber s) =>
        [.. s.PayloadsOn("npa/beds/bed1/alert").Select(p => int.Parse(p, CultureInfo.InvariantCulture))];
}
