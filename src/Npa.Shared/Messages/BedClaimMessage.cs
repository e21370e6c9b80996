namespace Npa.Shared.Messages;

/// <summary>
/// Payload of <c>npa/monitors/{instance}/claim</c> (retained): the beds one monitor instance publishes for, so that
/// two instances configured with the same bed find out. Cleared (empty retained message) on a clean stop.
/// </summary>
public sealed record BedClaimMessage : IMqttMessage
{
    /// <summary>Schema of this payload.</summary>
    public const string SchemaName = "npa.claim/1";

    /// <inheritdoc/>
    public string Schema { get; init; } = SchemaName;

    /// <summary>The claiming instance (the same as its topic level).</summary>
    public required string MonitorId { get; init; }

    /// <inheritdoc/>
    public required long Seq { get; init; }

    /// <summary>When the instance (re)connected and claimed.</summary>
    public required DateTimeOffset Time { get; init; }

    /// <summary>The bed ids it owns.</summary>
    public required IReadOnlyList<string> Beds { get; init; }

    /// <summary>Value equality, comparing <see cref="Beds"/> element by element.</summary>
    public bool Equals(BedClaimMessage? other) =>
        other is not null && (ReferenceEquals(this, other)
            || ((Schema, MonitorId, Seq, Time) == (other.Schema, other.MonitorId, other.Seq, other.Time) && Beds.SequenceEqual(other.Beds)));

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(MonitorId, Seq, Time, Beds.Count);
}
