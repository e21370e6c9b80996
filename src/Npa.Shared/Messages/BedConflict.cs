namespace Npa.Shared.Messages;

/// <summary>One bed that this monitor and at least one other instance both claim.</summary>
public sealed record BedConflict
{
    /// <summary>The bed.</summary>
    public required string BedId { get; init; }

    /// <summary>The other instances that claim it, in ordinal order.</summary>
    public required IReadOnlyList<string> ClaimedBy { get; init; }

    /// <summary>Value equality, comparing <see cref="ClaimedBy"/> element by element.</summary>
    public bool Equals(BedConflict? other) =>
        other is not null && (ReferenceEquals(this, other) || (BedId == other.BedId && ClaimedBy.SequenceEqual(other.ClaimedBy)));

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(BedId, ClaimedBy.Count);
}
