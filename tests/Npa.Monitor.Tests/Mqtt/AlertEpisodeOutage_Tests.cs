using System.Runtime.Versioning;
using System.Text;
using Npa.Monitor.Mqtt;
using Npa.Monitor.Tests.Storage;
using Npa.Shared.Messages;

namespace Npa.Monitor.Tests.Mqtt;

/// <summary>
/// A pain episode's alert events (start, updates, end) through the typed publisher while a real mosquitto is killed
/// mid-episode, and while the monitor restarts with the broker down: every event arrives, in order, at least once.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class AlertEpisodeOutage_Tests : IAsyncLifetime
{
    private const string AlertTopic = "npa/beds/bed1/alert";
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
    public async Task Mosquitto_Killed_Mid_Episode_Loses_No_Alert_Event()
    {
        await using var publisher = NewPublisher();
        var before = await TestSubscriber.ConnectAsync(_broker.Port, AlertTopic);
        await publisher.StartAsync(default);
        await publisher.PublishAlertAsync(Event(1, AlertEventKind.Start));
        for (int seq = 2; seq <= 10; seq++) await publisher.PublishAlertAsync(Event(seq, AlertEventKind.Update));
        await Eventually.HoldsAsync(() => before.Messages.Count >= 3, "the episode is under way");

        await _broker.KillAsync(); // mid-episode, with updates possibly in flight
        _gate.Close();
        for (int seq = 11; seq <= 19; seq++) await publisher.PublishAlertAsync(Event(seq, AlertEventKind.Update));
        await publisher.PublishAlertAsync(Event(20, AlertEventKind.End));

        await _broker.RestartAsync();
        await before.DisposeAsync();
        await using var after = await TestSubscriber.ConnectAsync(_broker.Port, AlertTopic);
        _gate.Open();
        await Eventually.HoldsAsync(() => Events(after).Any(e => e.Event == AlertEventKind.End), "the end event", seconds: 10);

        var all = Events(before).Concat(Events(after)).ToList();
        Assert.Equal(Enumerable.Range(1, 20), all.Select(e => (int)e.Seq).Distinct());
        Assert.Equal(AlertEventKind.Start, all[0].Event);
        Assert.All(all, e => Assert.Equal(AlertEventMessage.SchemaName, e.Schema));
        await Eventually.HoldsAsync(() => publisher.Pending == 0, "outbox drained");
    }

    [Fact]
    public async Task Monitor_Restarted_While_Mosquitto_Is_Down_Delivers_The_Stored_Events()
    {
        // Each start also stores the monitor's retained conflict list (empty), which waits in the outbox beside the events.
        int atStart;
        await using (var first = NewPublisher())
        {
            _gate.Close();
            await _broker.KillAsync();
            await first.StartAsync(default);
            atStart = first.Pending;
            await first.PublishAlertAsync(Event(1, AlertEventKind.Start));
            await first.PublishAlertAsync(Event(2, AlertEventKind.Update));
            await first.PublishAlertAsync(Event(3, AlertEventKind.End));
            Assert.Equal(3, first.Pending - atStart);
        } // the monitor stops; the broker is still down

        await using var second = NewPublisher();
        Assert.Equal(3 + 2 * atStart, second.Pending);
        await second.StartAsync(default);
        await _broker.RestartAsync();
        await using var subscriber = await TestSubscriber.ConnectAsync(_broker.Port, AlertTopic);
        _gate.Open();
        await Eventually.HoldsAsync(() => Events(subscriber).Count == 3, "the three stored events", seconds: 10);
        Assert.Equal([AlertEventKind.Start, AlertEventKind.Update, AlertEventKind.End], Events(subscriber).Select(e => e.Event));
    }

    [Fact]
    public async Task Monitor_Killed_Mid_Episode_Ends_It_After_The_Restart_With_Seq_Going_On()
    {
        await using var subscriber = await TestSubscriber.ConnectAsync(_broker.Port, AlertTopic);
        await using (var killed = NewPublisher())
        {
            await killed.StartAsync(default);
            await killed.PublishAlertAsync(Event(1, AlertEventKind.Start));
            await killed.PublishAlertAsync(Event(2, AlertEventKind.Update));
            await Eventually.HoldsAsync(() => Events(subscriber).Count == 2, "start and update delivered");
        } // gone without an end, as after kill -9

        await using var restarted = NewPublisher();
        await restarted.StartAsync(default);
        await restarted.PublishAlertAsync(Event(1, AlertEventKind.Start) with { EpisodeId = "ep-2" });
        // Repeats are allowed (the replay window resends what the killed run had delivered); seq tells them apart.
        await Eventually.HoldsAsync(() => Events(subscriber).DistinctBy(e => e.Seq).Count() == 4, "the old episode's end and the new start", seconds: 10);

        var events = Events(subscriber).DistinctBy(e => e.Seq).ToList();
        Assert.Equal([("ep-1", AlertEventKind.Start), ("ep-1", AlertEventKind.Update), ("ep-1", AlertEventKind.End), ("ep-2", AlertEventKind.Start)],
            events.Select(e => (e.EpisodeId, e.Event)));
        Assert.Equal(MqttAssessmentPublisher.MonitorRestartReason, events[2].Reason);
        Assert.Equal([1L, 2, 3, 4], events.Select(e => e.Seq));
    }

    private MqttAssessmentPublisher NewPublisher()
    {
        var options = new MqttOptions
        {
            Mode = MqttMode.External, Port = _gate.Port,
            ReconnectMinDelay = TimeSpan.FromMilliseconds(20), ReconnectMaxDelay = TimeSpan.FromMilliseconds(200),
        };
        return new MqttAssessmentPublisher(options, MonitorMqttCredentials.Resolve(options), _temp.File("outbox.db"));
    }

    private static AlertEventMessage Event(long seq, AlertEventKind kind) => SampleMessages.Alert("bed1", seq, kind);

    private static List<AlertEventMessage> Events(TestSubscriber s) =>
        [.. s.PayloadsOn(AlertTopic).Select(p => MqttJson.Deserialize<AlertEventMessage>(Encoding.UTF8.GetBytes(p)))];
}
