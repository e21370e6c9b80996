using System.Runtime.Versioning;
using Npa.Monitor.Mqtt;
using Npa.Monitor.Storage;
using Npa.Monitor.Tests.Storage;
using Npa.Shared.Messages;

namespace Npa.Monitor.Tests.Mqtt;

/// <summary>
/// What a new process finds in the outbox the last one left: numbering goes on per topic, and an episode the last
/// process left open (killed before its end) is ended. No broker: the tests read the outbox the publisher fills.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class PublisherRestart_Tests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Seq_Of_Alert_State_And_Status_Goes_On_After_A_Restart()
    {
        await using (var first = NewPublisher())
        {
            for (int seq = 1; seq <= 3; seq++) await first.PublishStateAsync(SampleMessages.State("bed1", seq));
            await first.PublishStatusAsync(SampleMessages.Status("bed1", 1, BedStatus.Online));
            await first.PublishStatusAsync(SampleMessages.Status("bed1", 2, BedStatus.NoFace));
            await first.PublishAlertAsync(SampleMessages.Alert("bed1", 1, AlertEventKind.Start));
            await first.PublishAlertAsync(SampleMessages.Alert("bed1", 2, AlertEventKind.End));
            await first.PublishStateAsync(SampleMessages.State("bed2", 1));
        }

        // The next process numbers from 1 again, as every new bed output does.
        await using (var second = NewPublisher())
        {
            await second.PublishStateAsync(SampleMessages.State("bed1", 1));
            await second.PublishStatusAsync(SampleMessages.Status("bed1", 1, BedStatus.Online));
            await second.PublishAlertAsync(SampleMessages.Alert("bed1", 1, AlertEventKind.Start));
            await second.PublishStateAsync(SampleMessages.State("bed2", 1));
        }

        var stored = StoredSeqs();
        Assert.Equal([1L, 2, 3, 4], stored["npa/beds/bed1/state"]);
        Assert.Equal([1L, 2, 3], stored["npa/beds/bed1/status"]);
        Assert.Equal([1L, 2, 3], stored["npa/beds/bed1/alert"]);
        Assert.Equal([1L, 2], stored["npa/beds/bed2/state"]);
    }

    [Fact]
    public async Task Episode_Left_Open_By_A_Killed_Monitor_Is_Ended_On_Restart()
    {
        await using (var killed = NewPublisher())
        {
            await killed.PublishAlertAsync(SampleMessages.Alert("bed1", 1, AlertEventKind.Start));
            await killed.PublishAlertAsync(SampleMessages.Alert("bed1", 2, AlertEventKind.Update));
        } // no end: the process died mid-episode

        var restart = new ManualClock(new DateTimeOffset(2026, 11, 25, 13, 0, 0, TimeSpan.Zero));
        await using (NewPublisher(restart))
        {
        }

        var alerts = StoredAlerts();
        Assert.Equal([AlertEventKind.Start, AlertEventKind.Update, AlertEventKind.End], alerts.Select(a => a.Event));
        var end = alerts[^1];
        Assert.Equal("ep-1", end.EpisodeId);
        Assert.Equal(3, end.Seq);
        Assert.Equal(alerts[1].PeakScore, end.PeakScore);
        Assert.Equal(alerts[1].Category, end.Category);
        Assert.Equal(alerts[1].StartedAt, end.StartedAt);
        Assert.Equal(restart.Now, end.EndedAt);
        Assert.Equal(restart.Now, end.Time);
        Assert.Equal(MqttAssessmentPublisher.MonitorRestartReason, end.Reason);
        Assert.Equal("monitor_restart", end.Reason);
    }

    [Fact]
    public async Task Restart_End_Closes_The_Episode_So_A_Second_Restart_Adds_Nothing()
    {
        await using (var killed = NewPublisher())
        {
            await killed.PublishAlertAsync(SampleMessages.Alert("bed1", 1, AlertEventKind.Start));
        }
        await using (var second = NewPublisher())
        {
            // The new run's own episode on the same bed, left open as well by a second kill.
            await second.PublishAlertAsync(SampleMessages.Alert("bed1", 1, AlertEventKind.Start) with { EpisodeId = "ep-2" });
        }
        await using (NewPublisher())
        {
        }

        var alerts = StoredAlerts();
        Assert.Equal([("ep-1", AlertEventKind.Start), ("ep-1", AlertEventKind.End), ("ep-2", AlertEventKind.Start), ("ep-2", AlertEventKind.End)],
            alerts.Select(a => (a.EpisodeId, a.Event)));
        Assert.Equal([1L, 2, 3, 4], alerts.Select(a => a.Seq));
    }

    [Fact]
    public async Task Episode_Ended_Before_The_Restart_Is_Not_Ended_Again()
    {
        await using (var first = NewPublisher())
        {
            await first.PublishAlertAsync(SampleMessages.Alert("bed1", 1, AlertEventKind.Start));
            await first.PublishAlertAsync(SampleMessages.Alert("bed1", 2, AlertEventKind.End));
        }

        await using (NewPublisher())
        {
        }
        await using (NewPublisher())
        {
        }

        Assert.Equal([AlertEventKind.Start, AlertEventKind.End], StoredAlerts().Select(a => a.Event));
    }

    private string OutboxPath => _temp.File("outbox.db");

    // Never started: nothing connects, so every durable message stays in the outbox for the test to read.
    private MqttAssessmentPublisher NewPublisher(TimeProvider? time = null)
    {
        var options = new MqttOptions { Mode = MqttMode.External, Port = 1 };
        return new MqttAssessmentPublisher(options, MonitorMqttCredentials.Resolve(options), OutboxPath, time: time);
    }

    private List<OutboxEntry> Stored()
    {
        using var outbox = new SqliteOutbox(OutboxPath, 1000);
        return [.. outbox.Peek(1000)];
    }

    private Dictionary<string, List<long>> StoredSeqs() =>
        Stored().Where(e => e.Message.Topic.StartsWith("npa/beds/", StringComparison.Ordinal)).GroupBy(e => e.Message.Topic).ToDictionary(g => g.Key, g => g.Select(e => SeqOf(e.Message)).ToList());

    private List<AlertEventMessage> StoredAlerts() =>
        [.. Stored().Where(e => e.Message.Kind == OutboxKind.Alert).Select(e => MqttJson.Deserialize<AlertEventMessage>(e.Message.Payload.Span))];

    private static long SeqOf(OutboxMessage m) => m.Kind switch
    {
        OutboxKind.Alert => MqttJson.Deserialize<AlertEventMessage>(m.Payload.Span).Seq,
        OutboxKind.State => MqttJson.Deserialize<BedStateMessage>(m.Payload.Span).Seq,
        _ => MqttJson.Deserialize<BedStatusMessage>(m.Payload.Span).Seq,
    };
}
