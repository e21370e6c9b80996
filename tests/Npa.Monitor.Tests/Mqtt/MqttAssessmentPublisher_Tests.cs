using System.Runtime.Versioning;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npa.Monitor.Configuration;
using Npa.Monitor.Mqtt;
using Npa.Monitor.Tests.Storage;
using Npa.Shared.Messages;

namespace Npa.Monitor.Tests.Mqtt;

/// <summary>Typed publishing: topics, schemas, QoS and retain flags as ARCHITECTURE.md lays them out.</summary>
[SupportedOSPlatform("linux")]
public sealed class MqttAssessmentPublisher_Tests : IAsyncLifetime
{
    private readonly TempFolder _temp = new();
    private MosquittoBroker _broker = null!;

    public async Task InitializeAsync() => _broker = await MosquittoBroker.StartAsync();

    public async Task DisposeAsync()
    {
        await _broker.DisposeAsync();
        _temp.Dispose();
    }

    [Fact]
    public async Task Each_Kind_Goes_To_Its_Topic_With_Its_Schema_QoS_And_Retain_Flag()
    {
        var options = new MqttOptions { Mode = MqttMode.External, Port = _broker.Port, AssessmentQoS = 1, InstanceId = "m1" };
        await using var publisher = new MqttAssessmentPublisher(options, MonitorMqttCredentials.Resolve(options), _temp.File("outbox.db"), beds: ["bed1"]);
        await using var live = await TestSubscriber.ConnectAsync(_broker.Port, "npa/#");
        await publisher.StartAsync(default);
        await Eventually.HoldsAsync(() => publisher.Connects == 1, "connected");

        await publisher.PublishAssessmentAsync(SampleMessages.Assessment("bed1", 1));
        await publisher.PublishStateAsync(SampleMessages.State("bed1", 1));
        await publisher.PublishAlertAsync(SampleMessages.Alert("bed1", 1, AlertEventKind.Start));
        await publisher.PublishStatusAsync(SampleMessages.Status("bed1", 1, BedStatus.Online));
        await publisher.PublishStatsAsync(SampleMessages.Stats(1));
        await Eventually.HoldsAsync(() => live.Messages.Count(m => !IsInstanceAnnouncement(m.Topic)) == 5, "five messages");

        var byTopic = live.Messages.Where(m => !IsInstanceAnnouncement(m.Topic)).ToDictionary(m => m.Topic);
        Assert.Equal(1, byTopic["npa/beds/bed1/assessment"].QoS);
        Assert.Equal(1, byTopic["npa/beds/bed1/state"].QoS);
        Assert.Equal(1, byTopic["npa/beds/bed1/alert"].QoS);
        Assert.Equal(1, byTopic["npa/beds/bed1/status"].QoS);
        Assert.Equal(0, byTopic["npa/monitors/m1/stats"].QoS);
        Assert.Equal(SampleMessages.Assessment("bed1", 1), MqttJson.Deserialize<AssessmentMessage>(Bytes(byTopic["npa/beds/bed1/assessment"])));
        Assert.Equal(SampleMessages.Alert("bed1", 1, AlertEventKind.Start), MqttJson.Deserialize<AlertEventMessage>(Bytes(byTopic["npa/beds/bed1/alert"])));
        Assert.Equal(SampleMessages.State("bed1", 1), MqttJson.Deserialize<BedStateMessage>(Bytes(byTopic["npa/beds/bed1/state"])));
        Assert.Equal(SampleMessages.Status("bed1", 1, BedStatus.Online), MqttJson.Deserialize<BedStatusMessage>(Bytes(byTopic["npa/beds/bed1/status"])));
        Assert.Equal(SampleMessages.Stats(1), MqttJson.Deserialize<StatsMessage>(Bytes(byTopic["npa/monitors/m1/stats"])));

        // Only state, status and the instance's availability, claim and conflict are retained: a late subscriber sees exactly those.
        await using var late = await TestSubscriber.ConnectAsync(_broker.Port, "npa/#");
        await Eventually.HoldsAsync(() => late.Messages.Count == 5, "five retained messages");
        Assert.Equal(["npa/beds/bed1/state", "npa/beds/bed1/status", "npa/monitors/m1/available", "npa/monitors/m1/claim", "npa/monitors/m1/conflict"],
            late.Messages.Select(m => m.Topic).Order(StringComparer.Ordinal));
        Assert.All(late.Messages, m => Assert.True(m.Retain));
    }

    [Fact]
    public async Task Host_With_Embedded_Broker_Publishes_And_Says_Stopped_On_Shutdown()
    {
        int port = FreePort.Next();
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Mqtt:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mqtt:TopicPrefix"] = "site1/npa",
            ["Mqtt:InstanceId"] = "ward-a",
            ["Storage:DataDirectory"] = _temp.File("data"),
        }).Build();
        var builder = Host.CreateApplicationBuilder();
        builder.Services.Configure<StorageOptions>(config.GetSection(StorageOptions.Section));
        builder.Services.AddMonitorMqtt(config);
        using var host = builder.Build();
        await host.StartAsync();
        var publisher = host.Services.GetRequiredService<IAssessmentPublisher>();
        // Subscribe once "online" is stored, so that it comes as a retained message rather than racing the subscription.
        await Eventually.HoldsAsync(() => host.Services.GetRequiredService<MqttAssessmentPublisher>().Connects == 1, "publisher connected");
        await using var nursing = await TestSubscriber.ConnectAsync(port, "site1/npa/#");
        await publisher.PublishAlertAsync(SampleMessages.Alert("bed2", 1, AlertEventKind.Start));
        await Eventually.HoldsAsync(() => nursing.PayloadsOn("site1/npa/beds/bed2/alert").Count == 1, "alert through the embedded broker");
        await Eventually.HoldsAsync(() => nursing.PayloadsOn("site1/npa/monitors/ward-a/available").Contains("online"), "retained online");
        Assert.True(File.Exists(_temp.File("data/mqtt-outbox.db")));

        // The host stops the publisher before the broker: "stopped" is published while the broker still listens.
        await host.Services.GetRequiredService<MqttAssessmentPublisher>().StopAsync(default);
        await Eventually.HoldsAsync(() => nursing.PayloadsOn("site1/npa/monitors/ward-a/available") is [.., "stopped"], "stopped");
        Assert.True(host.Services.GetRequiredService<EmbeddedMqttBroker>().IsRunning);
        await host.StopAsync();
        Assert.False(host.Services.GetRequiredService<EmbeddedMqttBroker>().IsRunning);
    }

    private static bool IsInstanceAnnouncement(string topic) =>
        topic.StartsWith("npa/monitors/", StringComparison.Ordinal) && !topic.EndsWith("/stats", StringComparison.Ordinal);

    [Fact]
    public async Task Alert_After_Dispose_Fails_On_The_Task_Not_In_The_Caller()
    {
        var options = new MqttOptions { Mode = MqttMode.External, Port = _broker.Port };
        var publisher = new MqttAssessmentPublisher(options, MonitorMqttCredentials.Resolve(options), _temp.File("outbox.db"));
        await publisher.DisposeAsync();
        await publisher.DisposeAsync();
        var task = publisher.PublishAlertAsync(SampleMessages.Alert("bed1", 1, AlertEventKind.Start));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => task);
    }

    private static byte[] Bytes(TestSubscriber.Received m) => Encoding.UTF8.GetBytes(m.Payload);
}
