using System.Text.Json.Serialization;

namespace Npa.Shared.Messages;

/// <summary>Where in a pain episode an alert event falls.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AlertEventKind>))]
public enum AlertEventKind
{
    /// <summary>The episode began.</summary>
    [JsonStringEnumMemberName("start")]
    Start,

    /// <summary>The episode goes on and its category or peak changed.</summary>
    [JsonStringEnumMemberName("update")]
    Update,

    /// <summary>The episode is over.</summary>
    [JsonStringEnumMemberName("end")]
    End,
}
