using System.Text;
using System.Text.Json.Nodes;
using Npa.Shared.Messages;
using Npa.Shared.Nips;

namespace Npa.Shared.Tests.Messages;

public sealed class MqttJson_Tests
{
    private static JsonObject Json(IMqttMessage m) => JsonNode.Parse(MqttJson.Serialize(m))!.AsObject();

    [Fact]
    public void Assessment_Round_Trips()
    {
        var m = MessageSamples.Assessment();
        var back = MqttJson.Deserialize<AssessmentMessage>(MqttJson.Serialize(m));
        Assert.Equal(m, back);
        Assert.NotSame(m.Probs, back.Probs);
    }

    [Fact]
    public void State_Round_Trips_With_And_Without_Score()
    {
        var m = MessageSamples.State();
        Assert.Equal(m, MqttJson.Deserialize<BedStateMessage>(MqttJson.Serialize(m)));
        var empty = m with { SmoothedScore = null, Category = null, FaceVisible = false, CameraStatus = BedStatus.Offline };
        Assert.Equal(empty, MqttJson.Deserialize<BedStateMessage>(MqttJson.Serialize(empty)));
        Assert.Null(Json(empty)["smoothed_score"]);
        Assert.True(Json(empty).ContainsKey("category"));
    }

    [Fact]
    public void Alert_Round_Trips_Open_And_Closed()
    {
        var end = MessageSamples.Alert();
        Assert.Equal(end, MqttJson.Deserialize<AlertEventMessage>(MqttJson.Serialize(end)));
        var start = end with { Event = AlertEventKind.Start, EndedAt = null };
        Assert.Equal(start, MqttJson.Deserialize<AlertEventMessage>(MqttJson.Serialize(start)));
    }

    [Fact]
    public void Alert_Without_A_Reason_From_An_Older_Publisher_Decodes()
    {
        var json = Json(MessageSamples.Alert());
        json.Remove("reason");
        var old = MqttJson.Deserialize<AlertEventMessage>(System.Text.Encoding.UTF8.GetBytes(json.ToJsonString()));
        Assert.Null(old.Reason);
        Assert.Equal(MessageSamples.Alert() with { Reason = null }, old);
    }

    [Fact]
    public void Status_Round_Trips()
    {
        var m = MessageSamples.Status();
        Assert.Equal(m, MqttJson.Deserialize<BedStatusMessage>(MqttJson.Serialize(m)));
        var plain = m with { Detail = null, Status = BedStatus.Disabled };
        Assert.Equal(plain, MqttJson.Deserialize<BedStatusMessage>(MqttJson.Serialize(plain)));
    }

    [Fact]
    public void Stats_Round_Trips()
    {
        var m = MessageSamples.Stats();
        Assert.Equal(m, MqttJson.Deserialize<StatsMessage>(MqttJson.Serialize(m)));
        Assert.NotEqual(m, m with { Beds = m.Beds.Take(1).ToArray() });
    }

    [Fact]
    public void Each_Payload_Carries_Its_Schema_String()
    {
        Assert.Equal("npa.assessment/1", (string?)Json(MessageSamples.Assessment())["schema"]);
        Assert.Equal("npa.state/1", (string?)Json(MessageSamples.State())["schema"]);
        Assert.Equal("npa.alert/1", (string?)Json(MessageSamples.Alert())["schema"]);
        Assert.Equal("npa.status/1", (string?)Json(MessageSamples.Status())["schema"]);
        Assert.Equal("npa.stats/2", (string?)Json(MessageSamples.Stats())["schema"]);
    }

    [Fact]
    public void Fields_Are_Snake_Case_With_Wire_Names()
    {
        var a = Json(MessageSamples.Assessment());
        Assert.Equal("nicu-3", (string?)a["bed_id"]);
        Assert.Equal("severe", (string?)a["category"]);
        Assert.Equal(8, a["probs"]!.AsArray().Count);
        Assert.Equal(0.81f, (float?)a["alpha_a"]);
        Assert.Equal(180, (int?)a["face"]!["width"]);
        Assert.Equal(0.94, (double?)a["quality"]!["detector_score"]);
        Assert.True((bool?)a["branches_agree"]);
        Assert.Equal("2026-11-25T19:42:07.25+00:00", (string?)a["time"]);
        Assert.Equal("mild_moderate", (string?)Json(MessageSamples.State())["category"]);
        Assert.Equal("online", (string?)Json(MessageSamples.State())["camera_status"]);
        Assert.Equal("end", (string?)Json(MessageSamples.Alert())["event"]);
        Assert.Equal("no_face", (string?)Json(MessageSamples.Status())["status"]);
        Assert.Equal(1, (int?)Json(MessageSamples.Stats())["beds"]![1]!["queue_depth"]);
        Assert.Equal(NipsCategory.NoPain, MqttJson.Deserialize<BedStateMessage>(
            MqttJson.Serialize(MessageSamples.State() with { Category = NipsCategory.NoPain })).Category);
    }

    [Fact]
    public void Payload_Of_Another_Kind_Is_Refused()
    {
        var ex = Assert.Throws<InvalidDataException>(() => MqttJson.Deserialize<BedStatusMessage>(
            MqttJson.Serialize(MessageSamples.Status() with { Schema = "npa.status/2" })));
        Assert.Equal("payload has schema 'npa.status/2', expected 'npa.status/1'", ex.Message);
    }

    [Fact]
    public void Missing_Field_Is_Named()
    {
        var json = Json(MessageSamples.Status());
        json.Remove("bed_id");
        var ex = Assert.Throws<InvalidDataException>(() => MqttJson.Deserialize<BedStatusMessage>(Encoding.UTF8.GetBytes(json.ToJsonString())));
        Assert.StartsWith("payload is not valid npa.status/1: ", ex.Message, StringComparison.Ordinal);
        Assert.Contains("bed_id", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_Category_Is_Refused()
    {
        var json = Json(MessageSamples.Assessment());
        json["category"] = "agony";
        var ex = Assert.Throws<InvalidDataException>(() => MqttJson.Deserialize<AssessmentMessage>(Encoding.UTF8.GetBytes(json.ToJsonString())));
        Assert.Contains("'agony' is not a NIPS category (no_pain, mild_moderate, severe)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_Field_From_A_Newer_Publisher_Is_Ignored()
    {
        var json = Json(MessageSamples.Status());
        json["firmware"] = "2.1";
        Assert.Equal(MessageSamples.Status(), MqttJson.Deserialize<BedStatusMessage>(Encoding.UTF8.GetBytes(json.ToJsonString())));
    }
}
