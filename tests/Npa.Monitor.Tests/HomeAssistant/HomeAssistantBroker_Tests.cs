using System.Runtime.Versioning;
using MQTTnet;
using Npa.Monitor.HomeAssistant;
using Npa.Monitor.Mqtt;
using Npa.Monitor.Tests.Mqtt;
using Npa.Monitor.Tests.Storage;

namespace Npa.Monitor.Tests.HomeAssistant;

/// <summary>Discovery on a real mosquitto: retained configs at connect, again on Home Assistant's birth, kept on a clean stop, and none when off.</summary>
[SupportedOSPlatform("linux")]
public sealed class HomeAssistantBroker_Tests : IAsyncLifetime
{
    private const string Configs = "homeassistant/+/+/+/config";
    private readonly TempFolder _temp = new();
    private MosquittoBroker _broker = null!;

    public async Task InitializeAsync() => _broker = await MosquittoBroker.StartAsync();

    public async Task DisposeAsync()
    {
        await _broker.DisposeAsync();
        _temp.Dispose();
    }

    private MqttAssessmentPublisher Monitor(bool enabled, out int configs)
    {
        var options = new MqttOptions { Mode = MqttMode.External, Port = _broker.Port, InstanceId = "m1", ReconnectMinDelay = TimeSpan.FromMilliseconds(50) };
        var publisher = new MqttAssessmentPublisher(options, MonitorMqttCredentials.Resolve(options), _temp.File("outbox.db"), beds: ["b1", "b2"]);
        configs = HomeAssistantAnnouncer.Attach(publisher, new HomeAssistantOptions { Enabled = enabled }, ["b1", "b2"]);
        return publisher;
    }

    private static IReadOnlyList<DiscoveryConfig> Expected() =>
        HomeAssistantDiscovery.Build(new HomeAssistantOptions { Enabled = true }, "npa", "m1", ["b1", "b2"], HomeAssistantAnnouncer.MonitorVersion);

    private static async Task PublishAsync(TestSubscriber client, string topic, string payload, bool retain = false) =>
        await client.Client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload).WithRetainFlag(retain)
            .WithQualityOfServiceLevel(MQTTnet.Protocol.MqttQualityOfServiceLevel.AtLeastOnce).Build());

    [Fact]
    public async Task Configs_Are_Retained_At_Connect_With_The_Built_Payloads()
    {
        await using var monitor = Monitor(enabled: true, out int count);
        Assert.Equal(8, count);
        await monitor.StartAsync(default);
        await Eventually.HoldsAsync(() => monitor.Connects == 1, "connected");

        // Subscribed after the monitor published: what arrives is what the broker retained.
        await using var late = await TestSubscriber.ConnectAsync(_broker.Port, Configs);
        await Eventually.HoldsAsync(() => late.Messages.Count == 8, "eight retained configs");
        Assert.All(late.Messages, m => Assert.True(m.Retain, $"{m.Topic} retained"));
        Assert.Equal(Expected().Select(c => (c.Topic, System.Text.Encoding.UTF8.GetString(c.Payload))).Order(),
            late.Messages.Select(m => (m.Topic, m.Payload)).Order());
    }

    [Fact]
    public async Task Birth_Online_Publishes_The_Configs_Again_And_Offline_Does_Not()
    {
        await using var monitor = Monitor(enabled: true, out _);
        await monitor.StartAsync(default);
        await using var ha = await TestSubscriber.ConnectAsync(_broker.Port, Configs);
        await Eventually.HoldsAsync(() => ha.Messages.Count == 8, "configs at connect");

        // A broker restarted without persistence has forgotten them: remove them the way it would look.
        foreach (var config in Expected()) await PublishAsync(ha, config.Topic, "", retain: true);
        await using (var empty = await TestSubscriber.ConnectAsync(_broker.Port, Configs))
        {
            await PublishAsync(ha, "homeassistant/status", "offline");
            await PublishAsync(ha, "homeassistant/status", "online");
            await Eventually.HoldsAsync(() => empty.Messages.Count == 8, "configs again after the birth");
            // Handlers run in arrival order: had "offline" republished, its copies would be here before these.
            Assert.Equal(8, empty.Messages.Select(m => m.Topic).Distinct().Count());
            Assert.All(empty.Messages, m => Assert.NotEqual("", m.Payload));
        }

        await using var late = await TestSubscriber.ConnectAsync(_broker.Port, Configs);
        await Eventually.HoldsAsync(() => late.Messages.Count(m => m.Payload.Length > 0) == 8, "republished configs are retained");
        Assert.All(late.Messages, m => Assert.True(m.Retain));
    }

    [Fact]
    public async Task A_Clean_Stop_Keeps_The_Configs_And_Says_Stopped()
    {
        await using var monitor = Monitor(enabled: true, out _);
        await monitor.StartAsync(default);
        await Eventually.HoldsAsync(() => monitor.Connects == 1, "connected");
        await monitor.StopAsync(default);

        await using var late = await TestSubscriber.ConnectAsync(_broker.Port, "#");
        await Eventually.HoldsAsync(() => late.PayloadsOn("npa/monitors/m1/available") is ["stopped"], "stopped");
        await Eventually.HoldsAsync(() => late.Messages.Count(m => m.Topic.StartsWith("homeassistant/", StringComparison.Ordinal)) == 8, "configs kept");
        Assert.All(late.Messages.Where(m => m.Topic.StartsWith("homeassistant/", StringComparison.Ordinal)), m => Assert.NotEqual("", m.Payload));
    }

    [Fact]
    public async Task Nothing_Goes_To_Home_Assistant_When_Disabled()
    {
        await using var all = await TestSubscriber.ConnectAsync(_broker.Port, "#");
        await using var monitor = Monitor(enabled: false, out int count);
        Assert.Equal(0, count);
        await monitor.StartAsync(default);
        await Eventually.HoldsAsync(() => monitor.Connects == 1, "connected");
        await PublishAsync(all, "homeassistant/status", "online");

        // The outbox drains after every announcement and subscription of the connect, so this state comes last.
        await monitor.PublishStateAsync(SampleMessages.State("b1", 1));
        await Eventually.HoldsAsync(() => all.PayloadsOn("npa/beds/b1/state").Count == 1, "the state");
        Assert.DoesNotContain(all.Messages, m => m.Topic.StartsWith("homeassistant/", StringComparison.Ordinal) && m.Topic != "homeassistant/status");
    }
}
