using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npa.Monitor.Mqtt;
using TestSubscriber = Npa.Monitor.Tests.Mqtt.TestSubscriber;
using Npa.Monitor.Tests.Support;
using Npa.Shared.Messages;

namespace Npa.Monitor.Tests.ModelSwap;

/// <summary>The retained model topic, through a real monitor host and its embedded broker.</summary>
public sealed class ModelAnnouncer_Tests
{
    [Fact]
    public async Task Hot_Swap_Is_Retained_On_The_Model_Topic_For_A_Late_Subscriber_And_Assessments_Carry_The_New_Id()
    {
        await using var monitor = await TestMonitor.StartAsync(s =>
        {
            s["Inference:WatchModel"] = "true";
            s["Inference:SwapDebounceMs"] = "50";
        });
        var mqtt = monitor.App.Services.GetRequiredService<IOptions<MqttOptions>>().Value;
        string topic = $"npa/monitors/{mqtt.InstanceId}/model";
        await using var early = await TestSubscriber.ConnectAsync(mqtt.Port, "npa/#");
        await Eventually.TrueAsync(() => early.PayloadsOn(topic).Count == 1, "the model at start");
        var atStart = Decode(early.PayloadsOn(topic)[0]);
        Assert.Equal(("test-model-1", (string?)null, mqtt.InstanceId), (atStart.ModelId, atStart.PreviousId, atStart.MonitorId));

        monitor.Engines.Then(new FakeEngine("test-model-2"));
        await using (var feeder = new Feeder((monitor.Beds["bed-1"], () => 1)))
        {
            // What a promotion does to the watched folder, as far as the watcher can tell.
            string package = Path.Combine(monitor.DataFolder, "models", "demo");
            Directory.CreateDirectory(package);
            await File.WriteAllTextAsync(Path.Combine(package, "model.json"), "{}");
            await Eventually.TrueAsync(() => early.PayloadsOn("npa/beds/bed-1/assessment").Select(Assessment).Any(a => a.ModelId == "test-model-2"), "an assessment by the new model");
        }

        await using var late = await TestSubscriber.ConnectAsync(mqtt.Port, "npa/monitors/+/model");
        await Eventually.TrueAsync(() => late.Messages.Count == 1, "the retained model");
        var retained = late.Messages[0];
        Assert.True(retained.Retain);
        Assert.Equal(1, retained.QoS);
        var swapped = Decode(retained.Payload);
        Assert.Equal(("test-model-2", "test-model-1", mqtt.InstanceId), (swapped.ModelId, swapped.PreviousId, swapped.MonitorId));
        Assert.Equal(atStart.Seq + 1, swapped.Seq);
        Assert.True(swapped.SwappedAt >= atStart.SwappedAt);
        Assert.Equal("test-model-2", monitor.Service.ModelId);
    }

    private static ModelMessage Decode(string payload) => MqttJson.Deserialize<ModelMessage>(Encoding.UTF8.GetBytes(payload));

    private static AssessmentMessage Assessment(string payload) => MqttJson.Deserialize<AssessmentMessage>(Encoding.UTF8.GetBytes(payload));
}
