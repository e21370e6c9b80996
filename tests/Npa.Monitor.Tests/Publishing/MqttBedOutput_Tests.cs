using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MQTTnet;
using Npa.Monitor.Mqtt;
using Npa.Monitor.Tests.Support;
using Npa.Shared.Messages;
using Npa.Shared.Nips;

namespace Npa.Monitor.Tests.Publishing;

public class MqttBedOutput_Tests
{
    [Fact]
    public async Task Subscriber_Gets_Assessments_State_Status_Alerts_And_Stats_From_The_Embedded_Broker()
    {
        await using var monitor = await TestMonitor.StartAsync(s =>
        {
            s["Alerts:EndSustainSeconds"] = "0.3";
            s["Alerts:CooldownSeconds"] = "0";
        });
        var mqtt = monitor.App.Services.GetRequiredService<IOptions<MqttOptions>>().Value;
        int port = mqtt.Port;
        string statsTopic = $"npa/monitors/{mqtt.InstanceId}/stats";
        var received = new ConcurrentQueue<(string Topic, string Payload, bool Retain)>();
        using var client = new MqttClientFactory().CreateMqttClient();
        client.ApplicationMessageReceivedAsync += e =>
        {
            received.Enqueue((e.ApplicationMessage.Topic, Encoding.UTF8.GetString(e.ApplicationMessage.Payload), e.ApplicationMessage.Retain));
            return Task.CompletedTask;
        };
        await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).Build());
        await client.SubscribeAsync("npa/#");

        double bed1 = 6;
        await using (var feeder = new Feeder((monitor.Beds["bed-1"], () => bed1), (monitor.Beds["bed-2"], () => 1)))
        {
            await Eventually.TrueAsync(() => received.Any(m => m.Topic == "npa/beds/bed-1/alert"), "an alert start");
            bed1 = 1;
            await Eventually.TrueAsync(() => received.Count(m => m.Topic == "npa/beds/bed-1/alert") >= 2, "the alert end");
            await Eventually.TrueAsync(() => received.Any(m => m.Topic == statsTopic), "a stats message");
        }

        var assessments = received.Where(m => m.Topic.EndsWith("/assessment", StringComparison.Ordinal))
            .Select(m => MqttJson.Deserialize<AssessmentMessage>(Encoding.UTF8.GetBytes(m.Payload))).ToList();
        Assert.Contains(assessments, a => a.BedId == "bed-1");
        Assert.Contains(assessments, a => a.BedId == "bed-2");
        Assert.All(assessments, a => Assert.Equal("test-model-1", a.ModelId));
        Assert.All(assessments, a => Assert.Equal(8, a.Probs.Count));

        var alerts = received.Where(m => m.Topic == "npa/beds/bed-1/alert")
            .Select(m => MqttJson.Deserialize<AlertEventMessage>(Encoding.UTF8.GetBytes(m.Payload))).ToList();
        Assert.Equal(AlertEventKind.Start, alerts[0].Event);
        Assert.Equal(NipsCategory.Severe, alerts[0].Category);
        var end = alerts.Single(a => a.Event == AlertEventKind.End);
        Assert.Equal(alerts[0].EpisodeId, end.EpisodeId);
        Assert.NotNull(end.EndedAt);
        Assert.Equal(alerts.Select(a => a.Seq).Order(), alerts.Select(a => a.Seq));

        var state = MqttJson.Deserialize<BedStateMessage>(Encoding.UTF8.GetBytes(received.Last(m => m.Topic == "npa/beds/bed-2/state").Payload));
        Assert.Equal(NipsCategory.NoPain, state.Category);
        Assert.True(state.FaceVisible);
        var status = MqttJson.Deserialize<BedStatusMessage>(Encoding.UTF8.GetBytes(received.Last(m => m.Topic == "npa/beds/bed-2/status").Payload));
        Assert.Equal(BedStatus.Online, status.Status);
        var stats = MqttJson.Deserialize<StatsMessage>(Encoding.UTF8.GetBytes(received.First(m => m.Topic == statsTopic).Payload));
        Assert.Equal(["bed-1", "bed-2"], stats.Beds.Select(b => b.BedId));
    }
}
