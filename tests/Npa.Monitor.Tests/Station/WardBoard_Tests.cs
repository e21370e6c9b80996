using System.Text;
using Npa.Monitor.Station;
using Npa.Monitor.Tests.Mqtt;
using Npa.Shared.Messages;
using Npa.Shared.Nips;

namespace Npa.Monitor.Tests.Station;

/// <summary>The station's picture of the ward, built from the monitors' topics alone.</summary>
public sealed class WardBoard_Tests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private readonly WardBoard _board = new(new MqttTopics(), TimeSpan.FromMinutes(1));

    private void Send(string topic, IMqttMessage message) => Assert.True(_board.Apply(topic, MqttJson.Serialize(message)));

    private void Send(string topic, string text) => Assert.True(_board.Apply(topic, Encoding.UTF8.GetBytes(text)));

    private void Monitor(string id, string availability, params string[] beds)
    {
        Send($"npa/monitors/{id}/claim", new BedClaimMessage { MonitorId = id, Seq = 1, Time = T0, Beds = beds });
        Send($"npa/monitors/{id}/available", availability);
    }

    private WardBedView Bed(string id) => Assert.Single(_board.Beds(), b => b.Bed == id);

    private static BedStateMessage State(string bed, long seq, double? score, string? episode = null) => SampleMessages.State(bed, seq) with
    {
        SmoothedScore = score, Category = score is { } s ? NipsScale.CategoryOf(s) : null, EpisodeId = episode,
    };

    [Fact]
    public void Claimed_Beds_Appear_Once_Each_With_Their_Monitor_Before_Any_State()
    {
        Monitor("ward-a", "online", "a1", "a2");
        Monitor("ward-b", "online", "b1");
        Send("npa/beds/a1/state", State("a1", 1, 1.0));
        Send("npa/beds/a1/state", State("a1", 2, 1.2));

        Assert.Equal(["a1", "a2", "b1"], _board.Beds().Select(b => b.Bed).Order(StringComparer.Ordinal));
        Assert.Equal(("ward-a", "online", false), (Bed("a2").Monitor, Bed("a2").MonitorState, Bed("a2").Stale));
        Assert.Equal(("ward-b", false), (Bed("b1").Monitor, Bed("b1").Stale));
        Assert.Equal(1.2, Bed("a1").Score);
    }

    [Fact]
    public void A_Last_Will_Offline_Makes_Only_That_Monitors_Beds_Stale_And_Online_Again_Clears_It()
    {
        Monitor("ward-a", "online", "a1");
        Monitor("ward-b", "online", "b1", "b2");

        Send("npa/monitors/ward-b/available", "offline");

        Assert.Equal([("b1", "offline"), ("b2", "offline")], _board.Beds().Where(b => b.Stale).Select(b => (b.Bed, b.MonitorState)));
        Assert.False(Bed("a1").Stale);
        Send("npa/monitors/ward-b/available", "online");
        Assert.DoesNotContain(_board.Beds(), b => b.Stale);
    }

    [Fact]
    public void A_Clean_Stop_Clears_The_Claim_But_Keeps_Its_Beds_As_Stale()
    {
        Monitor("ward-a", "online", "a1");
        Assert.True(_board.Apply("npa/monitors/ward-a/claim", []));
        Send("npa/monitors/ward-a/available", "stopped");

        var a1 = Bed("a1");
        Assert.Equal(("ward-a", "stopped", true), (a1.Monitor, a1.MonitorState, a1.Stale));
        Assert.Equal(["a1"], Assert.Single(_board.Monitors()).Beds);
    }

    [Fact]
    public void A_Bed_No_Monitor_Claims_Is_Stale_And_Says_So()
    {
        Send("npa/beds/x1/state", State("x1", 1, 2.0));
        Assert.Equal((null, "unclaimed", true), (Bed("x1").Monitor, Bed("x1").MonitorState, Bed("x1").Stale));
    }

    [Fact]
    public void Beds_Are_Ordered_Running_Severe_Then_Running_Mild_Then_Severe_Mild_Stale_No_Pain_No_Score()
    {
        Monitor("ward-a", "online", "none", "calm", "mild", "severe", "mild-ep", "severe-ep");
        Monitor("ward-b", "offline", "gone");
        Send("npa/beds/calm/state", State("calm", 1, 1.0));
        Send("npa/beds/mild/state", State("mild", 1, 3.5));
        Send("npa/beds/severe/state", State("severe", 1, 6.0));
        Send("npa/beds/mild-ep/state", State("mild-ep", 1, 3.1, "ep-m"));
        Send("npa/beds/severe-ep/state", State("severe-ep", 1, 5.2, "ep-s"));
        Send("npa/beds/gone/state", State("gone", 1, 6.5, "ep-g"));

        Assert.Equal(["severe-ep", "mild-ep", "severe", "mild", "gone", "calm", "none"], _board.Beds().Select(b => b.Bed));
        Assert.Equal([7, 6, 5, 4, 3, 2, 0], _board.Beds().Select(b => b.Rank));
    }

    [Fact]
    public void A_Running_Episode_Ranks_By_Its_Own_Band_Not_The_Score_Of_The_Moment()
    {
        Monitor("ward-a", "online", "falling", "mild-now");
        // A severe episode whose score has come down to 3.2 still outranks a mild episode at 4.0.
        Send("npa/beds/falling/state", State("falling", 1, 3.2, "ep-1"));
        Send("npa/beds/falling/alert", SampleMessages.Alert("falling", 2, AlertEventKind.Update));
        Send("npa/beds/mild-now/state", State("mild-now", 1, 4.0, "ep-2"));
        Assert.Equal([("falling", 7), ("mild-now", 6)], _board.Beds().Select(b => (b.Bed, b.Rank)));
    }

    [Fact]
    public void The_Running_Episode_Comes_From_The_State_With_Peak_And_Start_From_Its_Alert()
    {
        Monitor("ward-a", "online", "a1");
        Send("npa/beds/a1/state", State("a1", 1, 5.5, "ep-1"));
        Assert.Equal(new WardEpisodeView("ep-1", "severe", null, null), Bed("a1").Episode);

        Send("npa/beds/a1/alert", SampleMessages.Alert("a1", 2, AlertEventKind.Start));
        Assert.Equal(new WardEpisodeView("ep-1", "severe", 5.5, T0), Bed("a1").Episode);
        Assert.Equal("ep-1", _board.RunningEpisode("a1"));

        Send("npa/beds/a1/alert", SampleMessages.Alert("a1", 3, AlertEventKind.End));
        Send("npa/beds/a1/state", State("a1", 4, 1.0));
        Assert.Null(_board.RunningEpisode("a1"));
        Assert.Equal(["end", "start"], _board.RecentAlerts().Select(a => a.Kind));
    }

    [Fact]
    public void A_Redelivered_Or_Older_State_Does_Not_Replace_A_Newer_One()
    {
        Send("npa/beds/a1/state", State("a1", 5, 4.0));
        Send("npa/beds/a1/state", State("a1", 4, 1.0));
        Send("npa/beds/a1/state", State("a1", 5, 2.0));
        Assert.Equal(4.0, Bed("a1").Score);
    }

    [Fact]
    public void History_Keeps_About_One_Point_A_Second_Within_The_Window()
    {
        AssessmentMessage At(double seconds, double score, bool low = false) =>
            SampleMessages.Assessment("a1", (long)(seconds * 10)) with { Time = T0.AddSeconds(seconds), Score = score, LowConfidence = low };
        Send("npa/beds/a1/assessment", At(0, 1.0));
        Send("npa/beds/a1/assessment", At(0.5, 2.0));
        Send("npa/beds/a1/assessment", At(1.0, 3.0, low: true));
        Send("npa/beds/a1/assessment", At(60.5, 4.0));

        // 0.5 s is too close to the first point; at 60.5 s the window of one minute has dropped t = 0 but keeps t = 1.
        var history = Assert.Single(_board.Beds(withHistory: true)).History!;
        Assert.Equal([new WardPoint(T0.AddSeconds(1).ToUnixTimeMilliseconds(), 3.0, true), new WardPoint(T0.AddSeconds(60.5).ToUnixTimeMilliseconds(), 4.0, null)], history);
        Assert.Equal("demo@abc", Bed("a1").ModelId);
    }

    [Fact]
    public void The_Model_Comes_From_The_Monitors_Model_Topic_Until_An_Assessment_Names_One()
    {
        Monitor("ward-a", "online", "a1");
        Send("npa/monitors/ward-a/model", new ModelMessage { MonitorId = "ward-a", Seq = 1, Time = T0, ModelId = "m@1", Metrics = new Dictionary<string, double>(), SwappedAt = T0 });
        Assert.Equal("m@1", Bed("a1").ModelId);
        Assert.Equal("m@1", Assert.Single(_board.Monitors()).ModelId);
    }

    [Fact]
    public void A_Bed_Claimed_By_Two_Monitors_Names_Both_And_Follows_The_One_Online()
    {
        Monitor("ward-a", "offline", "x");
        Monitor("ward-b", "online", "x");
        Assert.Equal(("ward-b", false), (Bed("x").Monitor, Bed("x").Stale));
        Assert.Equal(["ward-a", "ward-b"], Bed("x").ClaimedBy);
    }

    [Fact]
    public void A_Payload_For_Another_Bed_Is_Refused_And_Other_Topics_Are_Not_Followed()
    {
        var ex = Assert.Throws<InvalidDataException>(() => _board.Apply("npa/beds/a1/state", MqttJson.Serialize(State("a2", 1, 1.0))));
        Assert.Equal("the payload is for bed 'a2', the topic for 'a1'", ex.Message);
        Assert.False(_board.Apply("other/beds/a1/state", MqttJson.Serialize(State("a1", 1, 1.0))));
        Assert.Empty(_board.Beds());
    }
}
