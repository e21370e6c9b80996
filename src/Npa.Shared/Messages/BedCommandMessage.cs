namespace Npa.Shared.Messages;

/// <summary>
/// Payload of <c>npa/beds/{bed}/set/{ack|silence|hold|resume}</c>, published by a nurses' station (never retained) and
/// honoured by the monitor that owns the bed. The broker's ACL decides who may publish it.
/// </summary>
public sealed record BedCommandMessage : IMqttMessage
{
    /// <summary>Schema of this payload.</summary>
    public const string SchemaName = "npa.command/1";

    /// <summary>Longest silence or hold a command may ask for.</summary>
    public const int MaxMinutes = 120;

    /// <inheritdoc/>
    public string Schema { get; init; } = SchemaName;

    /// <summary>The bed (the same as its topic level).</summary>
    public required string BedId { get; init; }

    /// <inheritdoc/>
    public required long Seq { get; init; }

    /// <summary>When the nurse gave it (the station's clock; the monitor times the expiry on its own).</summary>
    public required DateTimeOffset Time { get; init; }

    /// <summary>Who: the station's broker user, and the nurse where the station knows one (<c>station-1/j.smith</c>).</summary>
    public required string By { get; init; }

    /// <summary>Silence and hold: how long, 1 to <see cref="MaxMinutes"/>; null for ack and resume.</summary>
    public int? Minutes { get; init; }

    /// <summary>Ack: the episode acknowledged (an ack for an episode that is no longer running does nothing); null otherwise.</summary>
    public string? EpisodeId { get; init; }
}
