using Npa.Shared.Messages;

namespace Npa.Shared.Tests.Messages;

public sealed class MqttTopics_Tests
{
    [Fact]
    public void Default_Prefix_Gives_The_Documented_Topics()
    {
        var t = new MqttTopics();
        Assert.Equal("npa/available", t.Available);
        Assert.Equal("npa/stats", t.Stats);
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
        Assert.False(t.TryParseBedTopic(t.Stats, out _, out _));
    }
}
