using System.Runtime.Versioning;
using Npa.Monitor.Mqtt;
using Npa.Monitor.Tests.Storage;
using Npa.Shared.Messages;

namespace Npa.Monitor.Tests.Mqtt;

/// <summary>Several monitor instances on one real mosquitto: own availability and Last Will, own client ids, and a bed claimed twice found by both.</summary>
[SupportedOSPlatform("linux")]
public sealed class ManyMonitors_Tests : IAsyncLifetime
{
    private readonly TempFolder _temp = new();
    private MosquittoBroker _broker = null!;

    public async Task InitializeAsync() => _broker = await MosquittoBroker.StartAsync();

    public async Task DisposeAsync()
    {
        await _broker.DisposeAsync();
        _temp.Dispose();
    }

    private MqttAssessmentPublisher Instance(string id, params string[] beds)
    {
        var options = new MqttOptions { Mode = MqttMode.External, Port = _broker.Port, InstanceId = id, ReconnectMinDelay = TimeSpan.FromMilliseconds(50) };
        return new MqttAssessmentPublisher(options, MonitorMqttCredentials.Resolve(options), _temp.File(id + ".db"), beds: beds);
    }

    [Fact]
    public async Task Two_Instances_Keep_Their_Own_Online_And_A_Stopped_One_Leaves_The_Other_Online()
    {
        await using var a = Instance("ward-a", "a1", "a2");
        await using var b = Instance("ward-b", "b1");
        await a.StartAsync(default);
        await b.StartAsync(default);
        await Eventually.HoldsAsync(() => a.Connects == 1 && b.Connects == 1, "both connected (each with its own client id)");

        await using var station = await TestSubscriber.ConnectAsync(_broker.Port, "npa/monitors/#");
        await Eventually.HoldsAsync(() => station.PayloadsOn("npa/monitors/ward-a/available") is ["online"]
            && station.PayloadsOn("npa/monitors/ward-b/available") is ["online"], "each instance's retained online");
        var claimA = MqttJson.Deserialize<BedClaimMessage>(System.Text.Encoding.UTF8.GetBytes(station.PayloadsOn("npa/monitors/ward-a/claim").Single()));
        Assert.Equal(["a1", "a2"], claimA.Beds);

        await b.StopAsync(default);
        await Eventually.HoldsAsync(() => station.PayloadsOn("npa/monitors/ward-b/available") is [.., "stopped"], "b stopped");
        await Eventually.HoldsAsync(() => station.PayloadsOn("npa/monitors/ward-b/claim") is [.., ""], "b's claim cleared");
        Assert.Equal(["online"], station.PayloadsOn("npa/monitors/ward-a/available"));
        Assert.True(a.IsConnected);
    }

    [Fact]
    public async Task A_Bed_Claimed_By_Two_Instances_Is_Reported_By_Both_And_Clears_When_One_Stops()
    {
        await using var a = Instance("ward-a", "nicu-3", "nicu-4");
        await using var b = Instance("ward-b", "nicu-4", "nicu-5");
        await using var station = await TestSubscriber.ConnectAsync(_broker.Port, "npa/monitors/+/conflict");
        await a.StartAsync(default);
        await b.StartAsync(default);

        await Eventually.HoldsAsync(() => a.Claims.Conflicts.Count == 1 && b.Claims.Conflicts.Count == 1, "both see the conflict");
        Assert.Equal(new BedConflict { BedId = "nicu-4", ClaimedBy = ["ward-b"] }, a.Claims.Conflicts[0]);
        Assert.Equal(new BedConflict { BedId = "nicu-4", ClaimedBy = ["ward-a"] }, b.Claims.Conflicts[0]);
        BedConflictMessage Last(string instance) =>
            MqttJson.Deserialize<BedConflictMessage>(System.Text.Encoding.UTF8.GetBytes(station.PayloadsOn($"npa/monitors/{instance}/conflict")[^1]));
        await Eventually.HoldsAsync(() => station.PayloadsOn("npa/monitors/ward-a/conflict").Count > 0 && Last("ward-a").Conflicts.Count == 1, "a publishes the conflict");
        await Eventually.HoldsAsync(() => station.PayloadsOn("npa/monitors/ward-b/conflict").Count > 0 && Last("ward-b").Conflicts.Count == 1, "b publishes the conflict");
        Assert.Equal("ward-a", Last("ward-a").MonitorId);

        // b stops cleanly and clears its claim: a's conflict is over, and it says so.
        await b.StopAsync(default);
        await Eventually.HoldsAsync(() => a.Claims.Conflicts.Count == 0, "a sees the claim go");
        await Eventually.HoldsAsync(() => Last("ward-a").Conflicts.Count == 0, "a publishes no conflict");
    }
}
