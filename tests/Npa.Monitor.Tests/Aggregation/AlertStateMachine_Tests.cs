using Npa.Monitor.Aggregation;
using Npa.Monitor.Configuration;
using Npa.Shared.Messages;
using Npa.Shared.Nips;

namespace Npa.Monitor.Tests.Aggregation;

public class AlertStateMachine_Tests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 8, 0, 0, TimeSpan.Zero);

    private static AlertsOptions Options() => new()
    {
        StartScore = 3.5, EndScore = 2.5, SustainSeconds = 3, EndSustainSeconds = 5,
        CooldownSeconds = 20, UpdateIntervalSeconds = 10, NoFaceAfterSeconds = 3, SignalLostEndSeconds = 15,
    };

    /// <summary>Feeds one score per second from <paramref name="fromSecond"/> and returns every event.</summary>
    private static List<AlertEvent> Feed(AlertStateMachine m, IEnumerable<double?> scores, int fromSecond = 0)
    {
        var events = new List<AlertEvent>();
        int t = fromSecond;
        foreach (var s in scores) events.AddRange(m.Update(T0.AddSeconds(t++), s));
        return events;
    }

    [Fact]
    public void Score_Held_Above_Start_For_Sustain_Gives_Start_With_Onset_Time()
    {
        var m = new AlertStateMachine("bed-1", Options());
        var events = Feed(m, [1, 1, 4, 4, 4, 4, 4]);

        var start = Assert.Single(events);
        Assert.Equal(AlertEventKind.Start, start.Kind);
        Assert.Equal(T0.AddSeconds(2), start.StartedAt);
        Assert.Equal(T0.AddSeconds(5), start.Time);
        Assert.Equal(NipsCategory.MildToModerate, start.Category);
        Assert.NotNull(m.Active);
    }

    [Fact]
    public void Spike_Shorter_Than_Sustain_Gives_No_Event()
    {
        var m = new AlertStateMachine("bed-1", Options());
        var events = Feed(m, [1, 6, 6, 6, 1, 6, 6, 1, 1]);

        Assert.Empty(events);
        Assert.Null(m.Active);
    }

    [Fact]
    public void Score_Between_End_And_Start_Keeps_Episode_Running()
    {
        var m = new AlertStateMachine("bed-1", Options());
        var events = Feed(m, [4, 4, 4, 4, 3, 3, 3, 3, 3, 3, 3, 3]);

        Assert.Single(events, e => e.Kind == AlertEventKind.Start);
        Assert.DoesNotContain(events, e => e.Kind == AlertEventKind.End);
        Assert.NotNull(m.Active);
    }

    [Fact]
    public void Score_Held_Below_End_Gives_End_And_Cooldown_Blocks_A_New_Start()
    {
        var m = new AlertStateMachine("bed-1", Options());
        // Start at 3 s, below end from 5 s, end at 10 s; cooldown to 30 s.
        var events = Feed(m, [4, 4, 4, 4, 4, 2, 2, 2, 2, 2, 2, 6, 6, 6, 6, 6, 6, 6]);

        Assert.Equal([AlertEventKind.Start, AlertEventKind.End], events.Select(e => e.Kind));
        var end = events[1];
        Assert.Equal("resolved", end.Reason);
        Assert.Equal(T0.AddSeconds(10), end.EndedAt);
        Assert.Equal(events[0].EpisodeId, end.EpisodeId);
        Assert.Null(m.Active);

        // After the cooldown a held high score starts a new episode with a new id.
        var later = Feed(m, [6, 6, 6, 6], fromSecond: 31);
        var start = Assert.Single(later);
        Assert.Equal(AlertEventKind.Start, start.Kind);
        Assert.NotEqual(events[0].EpisodeId, start.EpisodeId);
        Assert.Equal(NipsCategory.Severe, start.Category);
    }

    [Fact]
    public void Rising_Category_Gives_Update_With_New_Peak_And_Periodic_Updates_Follow()
    {
        var m = new AlertStateMachine("bed-1", Options());
        var events = Feed(m, [4, 4, 4, 4, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6]);

        Assert.Equal(AlertEventKind.Start, events[0].Kind);
        var rise = events[1];
        Assert.Equal(AlertEventKind.Update, rise.Kind);
        Assert.Equal("category_rise", rise.Reason);
        Assert.Equal(NipsCategory.Severe, rise.Category);
        Assert.Equal(6, rise.Peak);
        var periodic = events[2];
        Assert.Equal("periodic", periodic.Reason);
        Assert.Equal(rise.Time.AddSeconds(10), periodic.Time);
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => e.Sequence));
    }

    [Fact]
    public void No_Score_For_Signal_Lost_Time_Ends_Episode_As_Signal_Lost()
    {
        var m = new AlertStateMachine("bed-1", Options());
        var scores = new List<double?> { 5, 5, 5, 5 };
        scores.AddRange(Enumerable.Repeat<double?>(null, 16));
        var events = Feed(m, scores);

        var end = Assert.Single(events, e => e.Kind == AlertEventKind.End);
        Assert.Equal("signal_lost", end.Reason);
        Assert.Equal(T0.AddSeconds(18), end.Time);
        Assert.Null(end.Score);
    }

    [Fact]
    public void Stop_During_Episode_Gives_Shutdown_End()
    {
        var m = new AlertStateMachine("bed-1", Options());
        Feed(m, [5, 5, 5, 5]);

        var end = m.Stop(T0.AddSeconds(4));

        Assert.NotNull(end);
        Assert.Equal(AlertEventKind.End, end.Kind);
        Assert.Equal("shutdown", end.Reason);
        Assert.Null(m.Stop(T0.AddSeconds(5)));
    }
}
