using System.Text.Json.Serialization;

namespace Npa.Shared.Messages;

/// <summary>What a bed's camera is doing, as the status topic reports it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<BedStatus>))]
public enum BedStatus
{
    /// <summary>Frames arrive and a face is seen.</summary>
    [JsonStringEnumMemberName("online")]
    Online,

    /// <summary>No frames (camera unplugged, stream down, reconnecting).</summary>
    [JsonStringEnumMemberName("offline")]
    Offline,

    /// <summary>Frames arrive but no usable face has been found for a while.</summary>
    [JsonStringEnumMemberName("no_face")]
    NoFace,

    /// <summary>Monitoring is switched off for the bed.</summary>
    [JsonStringEnumMemberName("disabled")]
    Disabled,
}
