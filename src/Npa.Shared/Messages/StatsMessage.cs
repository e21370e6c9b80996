namespace Npa.Shared.Messages;

/// <summary>Payload of <c>npa/monitors/{instance}/stats</c>: one instance's throughput per bed and its uptime.</summary>
public sealed record StatsMessage : IMqttMessage
{
    /// <summary>Schema of this payload.</summary>
    public const string SchemaName = "npa.stats/2";

    /// <inheritdoc/>
    public string Schema { get; init; } = SchemaName;

    /// <summary>The reporting instance (new in version 2, which moved stats to a topic per instance).</summary>
    public required string MonitorId { get; init; }

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
            || ((Schema, MonitorId, Seq, Time, UptimeSeconds) == (other.Schema, other.MonitorId, other.Seq, other.Time, other.UptimeSeconds) && Beds.SequenceEqual(other.Beds)));

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Seq, Time, UptimeSeconds, Beds.Count);
}
