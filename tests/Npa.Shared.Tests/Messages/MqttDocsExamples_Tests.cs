using System.Text.Json.Nodes;
using Npa.Shared.Messages;
using Npa.Shared.Nips;
using Npa.Shared.Tests.TestSupport;

namespace Npa.Shared.Tests.Messages;

/// <summary>Keeps docs/mqtt/*.json true: each example must decode, and encode back to the same fields and values.</summary>
public sealed class MqttDocsExamples_Tests
{
    private static byte[] Example(string name) => File.ReadAllBytes(Path.Combine(RepoRoot.Path, "docs", "mqtt", name + ".json"));

    private static void AssertSameDocument(byte[] example, IMqttMessage decoded) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(example), JsonNode.Parse(MqttJson.Serialize(decoded))),
            "the example has fields or values that the record does not carry");

    [Fact]
    public void Assessment_Example_Decodes()
    {
        var bytes = Example("assessment");
        var m = MqttJson.Deserialize<AssessmentMessage>(bytes);
        AssertSameDocument(bytes, m);
        Assert.Equal(m.Score, NipsScale.ExpectedScore(m.Probs.ToArray()), 3);
        Assert.Equal(m.Level, NipsScale.ArgMax(m.Probs.ToArray()));
        Assert.Equal(m.Category, NipsScale.CategoryOf(m.Level));
    }

    [Fact]
    public void State_Example_Decodes()
    {
        var bytes = Example("state");
        var m = MqttJson.Deserialize<BedStateMessage>(bytes);
        AssertSameDocument(bytes, m);
        Assert.Equal(m.Category, NipsScale.CategoryOf(m.SmoothedScore!.Value));
    }

    [Fact]
    public void Alert_Example_Decodes()
    {
        var bytes = Example("alert");
        AssertSameDocument(bytes, MqttJson.Deserialize<AlertEventMessage>(bytes));
    }

    [Fact]
    public void Status_Example_Decodes()
    {
        var bytes = Example("status");
        AssertSameDocument(bytes, MqttJson.Deserialize<BedStatusMessage>(bytes));
    }

    [Fact]
    public void Stats_Example_Decodes()
    {
        var bytes = Example("stats");
        AssertSameDocument(bytes, MqttJson.Deserialize<StatsMessage>(bytes));
    }

    [Fact]
    public void Claim_Example_Decodes()
    {
        var bytes = Example("claim");
        var m = MqttJson.Deserialize<BedClaimMessage>(bytes);
        AssertSameDocument(bytes, m);
        Assert.True(MonitorInstanceId.IsValid(m.MonitorId));
    }

    [Fact]
    public void Model_Example_Decodes()
    {
        var bytes = Example("model");
        var m = MqttJson.Deserialize<ModelMessage>(bytes);
        AssertSameDocument(bytes, m);
        // The serving id is the manifest id plus the first 8 digits of the sha256, as the monitor builds it.
        Assert.EndsWith("@" + m.Sha256![..8], m.ModelId, StringComparison.Ordinal);
        Assert.Equal(0.8125, m.Metrics["val_accuracy"]);
    }

    [Fact]
    public void Command_Example_Decodes()
    {
        var bytes = Example("command");
        var m = MqttJson.Deserialize<BedCommandMessage>(bytes);
        AssertSameDocument(bytes, m);
        Assert.InRange(m.Minutes!.Value, 1, BedCommandMessage.MaxMinutes);
    }

    [Fact]
    public void Conflict_Example_Decodes()
    {
        var bytes = Example("conflict");
        var m = MqttJson.Deserialize<BedConflictMessage>(bytes);
        AssertSameDocument(bytes, m);
        // The example's conflict is one of the claim example's beds, claimed by another instance.
        var claim = MqttJson.Deserialize<BedClaimMessage>(Example("claim"));
        Assert.Equal(claim.MonitorId, m.MonitorId);
        Assert.All(m.Conflicts, c => Assert.Contains(c.BedId, claim.Beds));
        Assert.All(m.Conflicts, c => Assert.DoesNotContain(m.MonitorId, c.ClaimedBy));
    }
}
