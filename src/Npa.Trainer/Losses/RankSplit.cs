using static TorchSharp.torch;

namespace Npa.Trainer.Losses;

/// <summary>Result of the rank regularization: the loss term and the batch's split into high (H) and low (L) α groups.</summary>
/// <param name="Loss">L_RR, a scalar tensor (owned by the caller's dispose scope).</param>
/// <param name="MeanHigh">Mean fused α of group H.</param>
/// <param name="MeanLow">Mean fused α of group L.</param>
/// <param name="IsLow">Per sample in batch order: true for group L.</param>
/// <param name="Alpha">Fused α per sample in batch order.</param>
public sealed record RankSplit(Tensor Loss, double MeanHigh, double MeanLow, IReadOnlyList<bool> IsLow, IReadOnlyList<float> Alpha);
