namespace Npa.Shared.Messages;

/// <summary>
/// Payload of <c>npa/monitors/{instance}/model</c> (retained): the model package a monitor instance serves now, published
/// at start and after every hot-swap, so that a station that subscribes late still learns which model scores its beds.
/// </summary>
public sealed record ModelMessage : IMqttMessage
{
    /// <summary>Schema of this payload.</summary>
    public const string SchemaName = "npa.model/1";

    /// <inheritdoc/>
    public string Schema { get; init; } = SchemaName;

    /// <summary>The publishing instance (the same as its topic level).</summary>
    public required string MonitorId { get; init; }

    /// <inheritdoc/>
    public required long Seq { get; init; }

    /// <summary>When the message was produced.</summary>
    public required DateTimeOffset Time { get; init; }

    /// <summary>The serving id, as assessments carry it in <c>model_id</c> (manifest id @ onnx hash prefix).</summary>
    public required string ModelId { get; init; }

    /// <summary>The manifest's onnx_sha256; null when the engine has no package manifest.</summary>
    public string? Sha256 { get; init; }

    /// <summary>The manifest's validation metrics (empty when it has none).</summary>
    public required IReadOnlyDictionary<string, double> Metrics { get; init; }

    /// <summary>When this model started serving (the monitor's start for the first one).</summary>
    public required DateTimeOffset SwappedAt { get; init; }

    /// <summary>The model it replaced; null for the one loaded at start.</summary>
    public string? PreviousId { get; init; }

    /// <summary>Value equality, comparing <see cref="Metrics"/> entry by entry.</summary>
    public bool Equals(ModelMessage? other) =>
        other is not null && (ReferenceEquals(this, other)
            || ((Schema, MonitorId, Seq, Time, ModelId, Sha256, SwappedAt, PreviousId) == (other.Schema, other.MonitorId, other.Seq, other.Time, other.ModelId, other.Sha256, other.SwappedAt, other.PreviousId)
                && Metrics.Count == other.Metrics.Count && Metrics.All(m => other.Metrics.TryGetValue(m.Key, out double v) && v.Equals(m.Value))));

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(MonitorId, Seq, Time, ModelId);
}
