using System.Text.Json.Nodes;
using Npa.Shared.Messages;

namespace Npa.Monitor.HomeAssistant;

/// <summary>The entities each bed gets in Home Assistant, and which monitor topic and field each one reads.</summary>
internal static class HomeAssistantEntities
{
    /// <summary>Score, category, running episode and camera status, in this order.</summary>
    public static readonly IReadOnlyList<HomeAssistantEntity> All =
    [
        // A null score renders as "None", which Home Assistant shows as unknown rather than an error.
        new("score", "sensor", (t, bed) => new JsonObject
        {
            ["name"] = "NIPS score",
            ["state_topic"] = t.State(bed),
            ["value_template"] = "{{ value_json.smoothed_score }}",
            ["json_attributes_topic"] = t.State(bed),
            ["state_class"] = "measurement",
            ["suggested_display_precision"] = 1,
            ["icon"] = "mdi:emoticon-cry-outline",
        }),
        new("category", "sensor", (t, bed) => new JsonObject
        {
            ["name"] = "Pain category",
            ["state_topic"] = t.State(bed),
            ["value_template"] = "{{ value_json.category }}",
            ["device_class"] = "enum",
            ["options"] = new JsonArray("no_pain", "mild_moderate", "severe"),
        }),
        new("episode", "binary_sensor", (t, bed) => new JsonObject
        {
            ["name"] = "Pain episode",
            ["state_topic"] = t.State(bed),
            ["value_template"] = "{{ 'ON' if value_json.episode_id else 'OFF' }}",
            ["device_class"] = "problem",
        }),
        new("camera", "sensor", (t, bed) => new JsonObject
        {
            ["name"] = "Camera",
            ["state_topic"] = t.Status(bed),
            ["value_template"] = "{{ value_json.status }}",
            ["device_class"] = "enum",
            ["options"] = new JsonArray("online", "offline", "no_face", "disabled"),
            ["entity_category"] = "diagnostic",
        }),
    ];
}
