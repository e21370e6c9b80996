using Npa.Monitor.Aggregation;
using Npa.Monitor.Alarms;
using Npa.Monitor.Configuration;
using Npa.Shared.Messages;

namespace Npa.Monitor.Tests.Alarms;

/// <summary>The alert machine under nurses' commands: hold, silence and ack change alerts, not scores.</summary>
public sealed class AlarmControlledAlerts_Tests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 8, 0, 0, TimeSpan.Zero);

    private static AlertsOptions Options() => new()
    {
        StartScore = 3.5, EndScore = 2.5, SustainSeconds = 3, EndSustainSeconds = 5,
        CooldownSeconds = 20, UpdateIntervalSeconds = 10, NoFaceAfterSeconds = 3, SignalLostEndSeconds = 15,
    };

    private static List<AlertEvent> Feed(AlertStateMachine m, int fromSecond, int seconds, double score, Func<DateTimeOffset, AlarmControl?> control)
    {
        var events = new List<AlertEvent>();
        for (int t = fromSecond; t < fromSecond + seconds; t++)
        {
            var now = T0.AddSeconds(t);
            events.AddRange(m.Update(now, score, control(now)));
        }
        return events;
    }

    [Fact]
    public void Hold_Ends_The_Running_Episode_And_No_Episode_Starts_Until_It_Ends()
    {
        var m = new AlertStateMachine("bed-1", Options());
        Assert.Single(Feed(m, 0, 5, 6, _ => null), e => e.Kind == AlertEventKind.Start);
        var hold = new AlarmControl(T0.AddSeconds(60), null, "station-1", null, null);

        var during = Feed(m, 5, 55, 6, _ => hold);
        var end = Assert.Single(during);
        Assert.Equal((AlertEventKind.End, AlertStateMachine.HoldReason), (end.Kind, end.Reason));
        Assert.Null(m.Active);

        // After the hold (and the cooldown, long over) pain that lasts the sustain time starts a new episode.
        var after = Feed(m, 60, 5, 6, _ => hold);
        var start = Assert.Single(after);
        Assert.Equal(AlertEventKind.Start, start.Kind);
        Assert.Equal(T0.AddSeconds(60), start.StartedAt);
    }

    [Fact]
    public void Silence_Delays_A_Start_Until_It_Ends_And_Quiets_Reminders()
    {
        var m = new AlertStateMachine("bed-1", Options());
        var silence = new AlarmControl(null, T0.AddSeconds(30), "station-1", null, null);
        Assert.Empty(Feed(m, 0, 30, 6, _ => silence));
        // Pain that went on through the silence starts at once when it ends, with its real onset.
        var start = Assert.Single(Feed(m, 30, 1, 6, _ => silence));
        Assert.Equal(T0, start.StartedAt);

        var quiet = new AlarmControl(null, T0.AddSeconds(100), "station-1", null, null);
        Assert.Empty(Feed(m, 31, 60, 6, _ => quiet));
        Assert.Contains(Feed(m, 100, 11, 6, _ => quiet), e => e.Reason == "periodic");
    }

    [Fact]
    public void Acknowledged_Episode_Gets_No_Reminders_But_A_Rise_Still_Goes_Out()
    {
        var m = new AlertStateMachine("bed-1", Options());
        Feed(m, 0, 5, 4, _ => null);
        var ack = new AlarmControl(null, null, null, m.Active!.EpisodeId, "station-1");
        Assert.Empty(Feed(m, 5, 40, 4, _ => ack));
        var rise = Assert.Single(Feed(m, 45, 1, 6, _ => ack));
        Assert.Equal("category_rise", rise.Reason);

        // Without the ack the same episode reminds every UpdateIntervalSeconds.
        Assert.Contains(Feed(m, 46, 12, 6, _ => null), e => e.Reason == "periodic");
    }
}
