namespace Npa.Shared.Messages;

/// <summary>Payload of <c>npa/beds/{bed}/status</c> (retained): whether the bed's camera delivers usable frames.</summary>
public sealed record BedStatusMessage : IMqttMessage
{
    /// <summary>Schema of this payload.</summary>
    public const string SchemaName = "npa.status/1";

    /// <inheritdoc/>
    public string Schema { get; init; } = SchemaName;

    /// <summary>Bed the status belongs to.</summary>
    public required string BedId { get; init; }

    /// <inheritdoc/>
    public required long Seq { get; init; }

    /// <summary>When the status changed.</summary>
    public required DateTimeOffset Time { get; init; }

    /// <summary>online / offline / no_face / disabled.</summary>
    public required BedStatus Status { get; init; }

    /// <summary>Why, for people (e.g. "no frames from rtsp://… for 5 s"); null when there is nothing to add.</summary>
    public string? Detail { get; init; }
}
