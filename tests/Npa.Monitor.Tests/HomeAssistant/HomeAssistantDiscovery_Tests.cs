using System.Text.Json;
using System.Text.RegularExpressions;
using Npa.Monitor.HomeAssistant;
using Npa.Monitor.Tests.Mqtt;
using Npa.Shared.Messages;
using Npa.Shared.Nips;

namespace Npa.Monitor.Tests.HomeAssistant;

/// <summary>The discovery configs: topics, ids, what each entity reads, and that the templates name fields the monitor writes.</summary>
public sealed partial class HomeAssistantDiscovery_Tests
{
    private static readonly HomeAssistantOptions On = new() { Enabled = true };

    private static JsonElement Json(DiscoveryConfig config) => JsonDocument.Parse(config.Payload).RootElement;

    private static JsonElement Config(IReadOnlyList<DiscoveryConfig> configs, string topic) => Json(configs.Single(c => c.Topic == topic));

    [Fact]
    public void Each_Bed_Gets_Four_Configs_In_Bed_Then_Entity_Order()
    {
        var configs = HomeAssistantDiscovery.Build(On, "npa", "m1", ["b2", "b1", "b2"], "1.2.3");
        Assert.Equal(
        [
            "homeassistant/sensor/npa/b1_score/config",
            "homeassistant/sensor/npa/b1_category/config",
            "homeassistant/binary_sensor/npa/b1_episode/config",
            "homeassistant/sensor/npa/b1_camera/config",
            "homeassistant/sensor/npa/b2_score/config",
            "homeassistant/sensor/npa/b2_category/config",
            "homeassistant/binary_sensor/npa/b2_episode/config",
            "homeassistant/sensor/npa/b2_camera/config",
        ], configs.Select(c => c.Topic));
    }

    [Fact]
    public void Score_Config_Reads_The_Retained_State_And_Is_Available_With_Its_Instance()
    {
        var score = Config(HomeAssistantDiscovery.Build(On, "npa", "ward-3a", ["nicu-4"], "1.2.3"), "homeassistant/sensor/npa/nicu-4_score/config");
        Assert.Equal("NIPS score", score.GetProperty("name").GetString());
        Assert.Equal("npa_nicu-4_score", score.GetProperty("unique_id").GetString());
        Assert.Equal("npa/beds/nicu-4/state", score.GetProperty("state_topic").GetString());
        Assert.Equal("npa/beds/nicu-4/state", score.GetProperty("json_attributes_topic").GetString());
        Assert.Equal("{{ value_json.smoothed_score }}", score.GetProperty("value_template").GetString());
        Assert.Equal("measurement", score.GetProperty("state_class").GetString());
        var availability = Assert.Single(score.GetProperty("availability").EnumerateArray());
        Assert.Equal("npa/monitors/ward-3a/available", availability.GetProperty("topic").GetString());
        Assert.Equal("{{ 'online' if value == 'online' else 'offline' }}", availability.GetProperty("value_template").GetString());
        var device = score.GetProperty("device");
        Assert.Equal(["npa_nicu-4"], device.GetProperty("identifiers").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("Bed nicu-4", device.GetProperty("name").GetString());
        Assert.Equal("1.2.3", device.GetProperty("sw_version").GetString());
        Assert.Equal("npa-monitor", score.GetProperty("origin").GetProperty("name").GetString());
    }

    [Fact]
    public void Episode_And_Camera_Configs_Read_Their_Topics()
    {
        var configs = HomeAssistantDiscovery.Build(On, "npa", "m1", ["b1"], "1");
        var episode = Config(configs, "homeassistant/binary_sensor/npa/b1_episode/config");
        Assert.Equal("npa/beds/b1/state", episode.GetProperty("state_topic").GetString());
        Assert.Equal("{{ 'ON' if value_json.episode_id else 'OFF' }}", episode.GetProperty("value_template").GetString());
        Assert.Equal("problem", episode.GetProperty("device_class").GetString());
        var camera = Config(configs, "homeassistant/sensor/npa/b1_camera/config");
        Assert.Equal("npa/beds/b1/status", camera.GetProperty("state_topic").GetString());
        Assert.Equal("diagnostic", camera.GetProperty("entity_category").GetString());
    }

    [Fact]
    public void Node_Id_Follows_The_Topic_Prefix_Unless_Set()
    {
        var configs = HomeAssistantDiscovery.Build(new HomeAssistantOptions { Enabled = true, DiscoveryPrefix = "ha" }, "ward3/npa", "m1", ["b1"], "1");
        Assert.Equal("ha/sensor/ward3_npa/b1_score/config", configs[0].Topic);
        Assert.Equal("ward3_npa_b1_score", Json(configs[0]).GetProperty("unique_id").GetString());
        Assert.Equal("ward3/npa/beds/b1/state", Json(configs[0]).GetProperty("state_topic").GetString());
        Assert.Equal("ward3/npa/monitors/m1/available", Json(configs[0]).GetProperty("availability")[0].GetProperty("topic").GetString());

        configs = HomeAssistantDiscovery.Build(new HomeAssistantOptions { Enabled = true, NodeId = "nicu" }, "ward3/npa", "m1", ["b1"], "1");
        Assert.Equal("homeassistant/sensor/nicu/b1_score/config", configs[0].Topic);
        Assert.Equal("nicu_b1_score", Json(configs[0]).GetProperty("unique_id").GetString());
    }

    [Fact]
    public void Value_Templates_Name_Fields_The_Monitor_Writes()
    {
        var configs = HomeAssistantDiscovery.Build(On, "npa", "m1", ["bed1"], "1");
        var state = JsonDocument.Parse(MqttJson.Serialize(SampleMessages.State("bed1", 1))).RootElement;
        var status = JsonDocument.Parse(MqttJson.Serialize(SampleMessages.Status("bed1", 1, BedStatus.Online))).RootElement;
        foreach (var config in configs.Select(Json))
        {
            var payload = config.GetProperty("state_topic").GetString()!.EndsWith("/state", StringComparison.Ordinal) ? state : status;
            string field = FieldPattern().Match(config.GetProperty("value_template").GetString()!).Groups[1].Value;
            Assert.True(payload.TryGetProperty(field, out _), $"{config.GetProperty("unique_id")} reads '{field}', which the payload does not have");
        }
    }

    [Fact]
    public void Enum_Options_Are_The_Words_The_Monitor_Writes()
    {
        var configs = HomeAssistantDiscovery.Build(On, "npa", "m1", ["bed1"], "1");
        string[] categories = [.. Enum.GetValues<NipsCategory>().Select(c =>
            JsonDocument.Parse(MqttJson.Serialize(SampleMessages.State("bed1", 1) with { Category = c })).RootElement.GetProperty("category").GetString()!)];
        string[] statuses = [.. Enum.GetValues<BedStatus>().Select(s =>
            JsonDocument.Parse(MqttJson.Serialize(SampleMessages.Status("bed1", 1, s))).RootElement.GetProperty("status").GetString()!)];
        Assert.Equal(categories, Options(Config(configs, "homeassistant/sensor/npa/bed1_category/config")));
        Assert.Equal(statuses, Options(Config(configs, "homeassistant/sensor/npa/bed1_camera/config")));
    }

    private static string[] Options(JsonElement config) => [.. config.GetProperty("options").EnumerateArray().Select(e => e.GetString()!)];

    [GeneratedRegex(@"value_json\.(\w+)")]
    private static partial Regex FieldPattern();
}
