namespace Npa.Shared.Messages;

/// <summary>
/// Payload of <c>npa/monitors/{instance}/conflict</c> (retained): the beds this instance claims that other
/// instances claim too; an empty list once none is left.
/// </summary>
public sealed record BedConflictMessage : IMqttMessage
{
    /// <summary>Schema of this payload.</summary>
    public const string SchemaName = "npa.conflict/1";

    /// <inheritdoc/>
    public string Schema { get; init; } = SchemaName;

    /// <summary>The reporting instance.</summary>
    public required string MonitorId { get; init; }

    /// <inheritdoc/>
    public required long Seq { get; init; }

    /// <summary>When the set of conflicts last changed.</summary>
    public required DateTimeOffset Time { get; init; }

    /// <summary>Beds claimed twice, in ordinal order of bed id (empty: no conflict).</summary>
    public required IReadOnlyList<BedConflict> Conflicts { get; init; }

    /// <summary>Value equality, comparing <see cref="Conflicts"/> element by element.</summary>
    public bool Equals(BedConflictMessage? other) =>
        other is not null && (ReferenceEquals(this, other)
            || ((Schema, MonitorId, Seq, Time) == (other.Schema, other.MonitorId, other.Seq, other.Time) && Conflicts.SequenceEqual(other.Conflicts)));

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(MonitorId, Seq, Time, Conflicts.Count);
}
