using System.Text.Json.Serialization;
using Npa.Shared.Nips;

namespace Npa.Shared.Messages;

/// <summary>Payload of <c>npa/beds/{bed}/alert</c>: a pain episode starting, changing or ending.</summary>
public sealed record AlertEventMessage : IMqttMessage
{
    /// <summary>Schema of this payload.</summary>
    public const string SchemaName = "npa.alert/1";

    /// <inheritdoc/>
    public string Schema { get; init; } = SchemaName;

    /// <summary>Bed of the episode.</summary>
    public required string BedId { get; init; }

    /// <inheritdoc/>
    public required long Seq { get; init; }

    /// <summary>When the event was raised.</summary>
    public required DateTimeOffset Time { get; init; }

    /// <summary>Start, update or end.</summary>
    public required AlertEventKind Event { get; init; }

    /// <summary>Id shared by all events of one episode.</summary>
    public required string EpisodeId { get; init; }

    /// <summary>Current band of the episode (the highest reached, at its end).</summary>
    [JsonConverter(typeof(NipsCategoryJsonConverter))]
    public required NipsCategory Category { get; init; }

    /// <summary>Highest smoothed score so far in the episode.</summary>
    public required double PeakScore { get; init; }

    /// <summary>When the episode started.</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>When the episode last changed.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>When the episode ended; null until the <c>end</c> event.</summary>
    public required DateTimeOffset? EndedAt { get; init; }

    /// <summary>
    /// Why the event was raised: <c>sustained</c> (start); <c>periodic</c> or <c>category_rise</c> (update);
    /// <c>resolved</c>, <c>signal_lost</c>, <c>shutdown</c> or <c>monitor_restart</c> (end). <c>monitor_restart</c>
    /// ends an episode that the previous run left open (it was killed): the true end lies between the episode's
    /// previous event and <see cref="EndedAt"/>. Null from publishers older than the field.
    /// </summary>
    public string? Reason { get; init; }
}
