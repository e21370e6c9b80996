using System.Reactive.Concurrency;
using Npa.Monitor.Alarms;
using Npa.Shared.Messages;

namespace Npa.Monitor.Tests.Alarms;

/// <summary>Commands timed on the monitor's clock (virtual time here): they expire by themselves and are audited.</summary>
public sealed class BedAlarmControls_Tests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);

    private static BedCommandMessage Command(string bed, int? minutes = null, string? episode = null, string by = "station-1") =>
        new() { BedId = bed, Seq = 1, Time = T0.AddHours(-3), By = by, Minutes = minutes, EpisodeId = episode };

    private static (BedAlarmControls, HistoricalScheduler) Controls()
    {
        var clock = new HistoricalScheduler(T0);
        return (new BedAlarmControls(["b1", "b2"], clock), clock);
    }

    [Fact]
    public void Hold_Lasts_Its_Minutes_On_The_Monitor_Clock_Then_Ends_By_Itself()
    {
        var (controls, clock) = Controls();
        var entry = controls.Apply("b1", BedCommandKind.Hold, Command("b1", minutes: 20));
        Assert.Equal(T0.AddMinutes(20), entry.Until);
        Assert.Equal(("station-1", T0), (entry.By, entry.Time));

        clock.AdvanceBy(TimeSpan.FromMinutes(19));
        var held = controls.For("b1", clock.Now);
        Assert.True(held!.IsHeld(clock.Now));
        Assert.Equal("station-1", held.By);
        Assert.Null(controls.For("b2", clock.Now));

        clock.AdvanceBy(TimeSpan.FromMinutes(1));
        Assert.Null(controls.For("b1", clock.Now));
    }

    [Fact]
    public void Resume_Ends_A_Hold_And_A_Silence_Early_But_Keeps_An_Ack()
    {
        var (controls, clock) = Controls();
        controls.Apply("b1", BedCommandKind.Hold, Command("b1", minutes: 30));
        controls.Apply("b1", BedCommandKind.Silence, Command("b1", minutes: 5));
        controls.Apply("b1", BedCommandKind.Acknowledge, Command("b1", episode: "b1-e1"));
        controls.Apply("b1", BedCommandKind.Resume, Command("b1"));
        var left = controls.For("b1", clock.Now);
        Assert.Equal(new AlarmControl(null, null, null, "b1-e1", "station-1"), left);

        controls.EpisodeEnded("b1", "b1-e1");
        Assert.Null(controls.For("b1", clock.Now));
    }

    [Theory]
    [InlineData("b9", "b9", 10, "refused: not a bed of this monitor")]
    [InlineData("b1", "b2", 10, "refused: the payload is for bed 'b2'")]
    [InlineData("b1", "b1", 0, "refused: minutes must be 1 to 120, not 0")]
    [InlineData("b1", "b1", 121, "refused: minutes must be 1 to 120, not 121")]
    public void Command_That_Does_Not_Fit_Is_Refused_Audited_And_Changes_Nothing(string topicBed, string payloadBed, int minutes, string outcome)
    {
        var (controls, clock) = Controls();
        var entry = controls.Apply(topicBed, BedCommandKind.Hold, Command(payloadBed, minutes));
        Assert.Equal(outcome, entry.Outcome);
        Assert.Null(controls.For(topicBed, clock.Now));
        Assert.Equal(entry, Assert.Single(controls.Audit));
    }

    [Fact]
    public void Ack_Without_An_Episode_Is_Refused()
    {
        var (controls, clock) = Controls();
        Assert.Equal("refused: an ack names the episode", controls.Apply("b1", BedCommandKind.Acknowledge, Command("b1")).Outcome);
        Assert.Null(controls.For("b1", clock.Now));
    }
}
