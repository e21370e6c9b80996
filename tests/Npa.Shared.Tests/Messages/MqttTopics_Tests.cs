using Npa.Shared.Messages;

namespace Npa.Shared.Tests.Messages;

public sealed class MqttTopics_Tests
{
    [Fact]
    public void Default_Prefix_Gives_The_Documented_Topics()
    {
        var t = new MqttTopics();
        Assert.Equal("npa/monitors/ward-3a/available", t.Available("ward-3a"));
        Assert.Equal("npa/monitors/ward-3a/stats", t.Stats("ward-3a"));
        Assert.Equal("npa/monitors/ward-3a/claim", t.Monitor("ward-3a", MonitorTopicKind.Claim));
        Assert.Equal("npa/monitors/ward-3a/conflict", t.Monitor("ward-3a", MonitorTopicKind.Conflict));
        Assert.Equal("npa/monitors/+/claim", t.AllMonitors(MonitorTopicKind.Claim));
        Assert.Equal("npa/beds/nicu-3/assessment", t.Assessment("nicu-3"));
        Assert.Equal("npa/beds/nicu-3/state", t.State("nicu-3"));
        Assert.Equal("npa/beds/nicu-3/alert", t.Alert("nicu-3"));
        Assert.Equal("npa/beds/nicu-3/status", t.Status("nicu-3"));
        Assert.Equal("npa/beds/+/alert", t.AllBeds(BedTopicKind.Alert));
    }

    [Fact]
    public void Multi_Level_Prefix_Is_Used()
    {
        Assert.Equal("site1/npa/beds/b1/state", new MqttTopics("site1/npa").State("b1"));
    }

    [Theory]
    [InlineData("a+b")]
    [InlineData("a#")]
    [InlineData("ward/3")]
    [InlineData("bed\n1")]
    public void Bed_Id_With_Topic_Syntax_Is_Refused(string bedId)
    {
        var ex = Assert.Throws<ArgumentException>(() => new MqttTopics().Assessment(bedId));
        Assert.StartsWith($"bed id '{bedId}' must not contain '+', '#', '/' or control characters", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_Bed_Id_Is_Refused()
    {
        var ex = Assert.Throws<ArgumentException>(() => new MqttTopics().Status(""));
        Assert.StartsWith("bed id must not be empty", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "must be non-empty")]
    [InlineData("/npa", "must be non-empty and have no empty levels")]
    [InlineData("npa/", "must be non-empty and have no empty levels")]
    [InlineData("npa/#", "must not contain '+', '#' or NUL")]
    public void Bad_Prefix_Is_Refused(string prefix, string reason)
    {
        var ex = Assert.Throws<ArgumentException>(() => new MqttTopics(prefix));
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bed_Topic_Parses_Back()
    {
        var t = new MqttTopics("x/npa");
        Assert.True(t.TryParseBedTopic(t.Alert("b-7"), out var bed, out var kind));
        Assert.Equal(("b-7", BedTopicKind.Alert), (bed, kind));
        Assert.False(t.TryParseBedTopic("npa/beds/b-7/alert", out _, out _));
        Assert.False(t.TryParseBedTopic("x/npa/beds/b-7/unknown", out _, out _));
        Assert.False(t.TryParseBedTopic("x/npa/beds/b-7/alert/extra", out _, out _));
        Assert.False(t.TryParseBedTopic(t.Stats("m1"), out _, out _));
    }

    [Fact]
    public void Monitor_Topic_Parses_Back()
    {
        var t = new MqttTopics("x/npa");
        Assert.True(t.TryParseMonitorTopic(t.Available("m-1"), out var instance, out var kind));
        Assert.Equal(("m-1", MonitorTopicKind.Available), (instance, kind));
        Assert.True(t.TryParseMonitorTopic("x/npa/monitors/m_2/claim", out instance, out kind));
        Assert.Equal(("m_2", MonitorTopicKind.Claim), (instance, kind));
        Assert.False(t.TryParseMonitorTopic("npa/monitors/m-1/claim", out _, out _));
        Assert.False(t.TryParseMonitorTopic("x/npa/monitors/m.1/claim", out _, out _));
        Assert.False(t.TryParseMonitorTopic("x/npa/monitors/m-1/unknown", out _, out _));
        Assert.False(t.TryParseMonitorTopic(t.Alert("m-1"), out _, out _));
    }

    [Fact]
    public void Command_Topic_Parses_Back()
    {
        var t = new MqttTopics();
        Assert.Equal("npa/beds/nicu-3/set/ack", t.Command("nicu-3", BedCommandKind.Acknowledge));
        Assert.Equal("npa/beds/+/set/+", t.AllCommands);
        foreach (var kind in Enum.GetValues<BedCommandKind>())
        {
            Assert.True(t.TryParseCommandTopic(t.Command("b1", kind), out var bed, out var parsed));
            Assert.Equal(("b1", kind), (bed, parsed));
        }
        Assert.False(t.TryParseCommandTopic("npa/beds/b1/set/reboot", out _, out _));
        Assert.False(t.TryParseCommandTopic("npa/beds/b1/state", out _, out _));
        Assert.False(t.TryParseBedTopic(t.Command("b1", BedCommandKind.Hold), out _, out _));
    }

    [Theory]
    [InlineData("ward/3")]
    [InlineData("ward.3")]
    [InlineData("ward 3")]
    [InlineData("+")]
    [InlineData("")]
    public void Instance_Id_That_Is_Not_One_Safe_Topic_Level_Is_Refused(string instanceId)
    {
        var ex = Assert.Throws<ArgumentException>(() => new MqttTopics().Available(instanceId));
        Assert.StartsWith($"monitor instance id '{instanceId}' must be 1 to 64 letters, digits, '-' or '_'", ex.Message, StringComparison.Ordinal);
    }
}
