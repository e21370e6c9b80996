using System.Text.Json.Serialization;
using Npa.Shared.Nips;

namespace Npa.Shared.Messages;

/// <summary>Payload of <c>npa/beds/{bed}/state</c> (retained): the bed's smoothed pain state.</summary>
public sealed record BedStateMessage : IMqttMessage
{
    /// <summary>Schema of this payload.</summary>
    public const string SchemaName = "npa.state/1";

    /// <inheritdoc/>
    public string Schema { get; init; } = SchemaName;

    /// <summary>Bed the state belongs to.</summary>
    public required string BedId { get; init; }

    /// <inheritdoc/>
    public required long Seq { get; init; }

    /// <summary>When the state was computed.</summary>
    public required DateTimeOffset Time { get; init; }

    /// <summary>Smoothed expected NIPS score; null until there is an assessment (or after it went stale).</summary>
    public required double? SmoothedScore { get; init; }

    /// <summary>Band of the smoothed score; null when there is no score.</summary>
    [JsonConverter(typeof(NipsCategoryJsonConverter))]
    public required NipsCategory? Category { get; init; }

    /// <summary>Since when the bed has been in <see cref="Category"/>.</summary>
    public required DateTimeOffset Since { get; init; }

    /// <summary>Whether a usable face is currently seen.</summary>
    public required bool FaceVisible { get; init; }

    /// <summary>Camera state of the bed.</summary>
    public required BedStatus CameraStatus { get; init; }

    // Additions to npa.state/1 (a reader of the first version can ignore them): the running episode and what nurses
    // asked of the bed's alarms.

    /// <summary>The running pain episode (its alerts carry the same id); null when none runs.</summary>
    public string? EpisodeId { get; init; }

    /// <summary>On hold during care until then (no episode starts); null when not on hold.</summary>
    public DateTimeOffset? HoldUntil { get; init; }

    /// <summary>Alarms silenced until then (no episode starts, no reminders); null when not silenced.</summary>
    public DateTimeOffset? SilencedUntil { get; init; }

    /// <summary>Who asked for the hold or silence; null when neither.</summary>
    public string? AlarmBy { get; init; }

    /// <summary>Who acknowledged the running episode; null when it is not acknowledged (or none runs).</summary>
    public string? AcknowledgedBy { get; init; }
}
