using Npa.Shared.Nips;

namespace Npa.Monitor.Inference;

/// <summary>What the dual model says about one crop.</summary>
/// <param name="ProbabilitiesA">Softmax of branch A's α-scaled logits, divided by the package's temperature (1 unless calibrated).</param>
/// <param name="ProbabilitiesB">Softmax of branch B's α-scaled logits, divided by the same temperature.</param>
/// <param name="AlphaA">Branch A's uncertainty weight α (0..1, high = confident).</param>
/// <param name="AlphaB">Branch B's uncertainty weight α.</param>
/// <param name="Fused">Mean of the two branches' probabilities.</param>
/// <param name="ExpectedScore">Σ k·p_k over the fused probabilities.</param>
/// <param name="Level">Arg-max NIPS class of the fused probabilities.</param>
/// <param name="Category">Clinical band of <paramref name="Level"/>.</param>
/// <param name="BranchesAgree">True when both branches' arg-max classes are equal.</param>
/// <param name="Confidence">Largest fused probability.</param>
/// <param name="ModelId">Package that produced the result.</param>
public sealed record InferenceResult(
    float[] ProbabilitiesA,
    float[] ProbabilitiesB,
    float AlphaA,
    float AlphaB,
    float[] Fused,
    double ExpectedScore,
    int Level,
    NipsCategory Category,
    bool BranchesAgree,
    double Confidence,
    string ModelId)
{
    /// <summary>Fused uncertainty weight α1·α2 (what the rank regularizer sorts on).</summary>
    public float AlphaFused => AlphaA * AlphaB;

    /// <summary>Predictive standard deviation of the score over the fused probabilities (<see cref="NipsScale.ScoreSpread"/>).</summary>
    public double ScoreSpread => NipsScale.ScoreSpread(Fused);
}
