using System.Text.Json.Serialization;
using Npa.Shared.Nips;

namespace Npa.Shared.Messages;

/// <summary>Payload of <c>npa/beds/{bed}/assessment</c>: the model's view of one assessed frame.</summary>
public sealed record AssessmentMessage : IMqttMessage
{
    /// <summary>Schema of this payload.</summary>
    public const string SchemaName = "npa.assessment/1";

    /// <inheritdoc/>
    public string Schema { get; init; } = SchemaName;

    /// <summary>Bed the frame came from.</summary>
    public required string BedId { get; init; }

    /// <inheritdoc/>
    public required long Seq { get; init; }

    /// <summary>Capture time of the frame.</summary>
    public required DateTimeOffset Time { get; init; }

    /// <summary>Face location in the frame.</summary>
    public required FaceBox Face { get; init; }

    /// <summary>Quality of the face crop.</summary>
    public required FaceQuality Quality { get; init; }

    /// <summary>Fused probabilities over NIPS 0..7.</summary>
    public required IReadOnlyList<float> Probs { get; init; }

    /// <summary>Expected NIPS score Σ k·p_k.</summary>
    public required double Score { get; init; }

    /// <summary>Most probable NIPS class.</summary>
    public required int Level { get; init; }

    /// <summary>Band of <see cref="Level"/>.</summary>
    [JsonConverter(typeof(NipsCategoryJsonConverter))]
    public required NipsCategory Category { get; init; }

    /// <summary>Branch a's uncertainty weight α (high = confident).</summary>
    public required float AlphaA { get; init; }

    /// <summary>Branch b's α (equal to <see cref="AlphaA"/> for a one-branch model).</summary>
    public required float AlphaB { get; init; }

    /// <summary>Fused α = α_a·α_b.</summary>
    public required float Alpha { get; init; }

    /// <summary>Whether both branches chose the same class.</summary>
    public required bool BranchesAgree { get; init; }

    /// <summary>Largest fused probability.</summary>
    public required double Confidence { get; init; }

    /// <summary>Predictive standard deviation of <see cref="Score"/>, √(Σ p_k·(k − score)²), in NIPS points.</summary>
    public double ScoreSpread { get; init; }

    /// <summary>
    /// True when the monitor judged the model unable to read the face (confidence below Alerts:MinConfidence or spread
    /// above Alerts:MaxScoreSpread): this assessment moved neither the bed's score nor its alerts.
    /// </summary>
    public bool LowConfidence { get; init; }

    /// <summary>Model package that produced the assessment.</summary>
    public required string ModelId { get; init; }

    /// <summary>Time from frame capture to this result, in milliseconds.</summary>
    public required double LatencyMs { get; init; }

    /// <summary>Whether the frame was kept for relabeling.</summary>
    public required bool Flagged { get; init; }

    /// <summary>Value equality, comparing <see cref="Probs"/> element by element.</summary>
    public bool Equals(AssessmentMessage? other) =>
        other is not null && (ReferenceEquals(this, other) || (Schema, BedId, Seq, Time, Face, Quality, Score, Level, Category)
            == (other.Schema, other.BedId, other.Seq, other.Time, other.Face, other.Quality, other.Score, other.Level, other.Category)
            && (AlphaA, AlphaB, Alpha, BranchesAgree, Confidence, ModelId, LatencyMs, Flagged)
            == (other.AlphaA, other.AlphaB, other.Alpha, other.BranchesAgree, other.Confidence, other.ModelId, other.LatencyMs, other.Flagged)
            && (ScoreSpread, LowConfidence) == (other.ScoreSpread, other.LowConfidence)
            && Probs.SequenceEqual(other.Probs));

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(BedId, Seq, Time, Score, ModelId);
}
