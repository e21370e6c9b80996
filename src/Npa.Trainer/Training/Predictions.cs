namespace Npa.Trainer.Training;

/// <summary>A network's outputs on a set of samples, as plain arrays.</summary>
/// <param name="Fused">Fused probabilities per sample (the branches' softmax(α·logits) fused by the run's rule, the mean by default).</param>
/// <param name="Branches">Per branch, per sample: softmax(α·logits).</param>
/// <param name="Alpha">Fused α = Π_b α_b per sample.</param>
public sealed record Predictions(IReadOnlyList<float[]> Fused, IReadOnlyList<IReadOnlyList<float[]>> Branches, IReadOnlyList<float> Alpha);
