namespace Npa.Shared.Messages;

/// <summary>Payload of <c>npa/stats</c>: the service's throughput per bed and its uptime.</summary>
public sealed record StatsMessage : IMqttMessage
{
    /// <summary>Schema of this payload.</summary>
    public const string SchemaName = "npa.stats/1";

    /// <inheritdoc/>
    public string Schema { get; init; } = SchemaName;

    /// <inheritdoc/>
    public required long Seq { get; init; }

    /// <summary>When the report was made.</summary>
    public required DateTimeOffset Time { get; init; }

    /// <summary>Seconds since the service started.</summary>
    public required double UptimeSeconds { get; init; }

    /// <summary>One entry per configured bed.</summary>
    public required IReadOnlyList<BedStats> Beds { get; init; }

    /// <summary>Value equality, comparing <see cref="Beds"/> element by element.</summary>
    public bool Equals(StatsMessage? other) =>
        other is not null && (ReferenceEquals(this, other)
            || ((Schema, Seq, Time, UptimeSeconds) == (other.Schema, other.Seq, other.Time, other.UptimeSeconds) && Beds.SequenceEqual(other.Beds)));

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Seq, Time, UptimeSeconds, Beds.Count);
}
