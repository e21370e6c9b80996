using Npa.Trainer.Losses;
using static TorchSharp.torch;

namespace Npa.Trainer.Training;

/// <summary>One step's loss terms, owned by the step's dispose scope.</summary>
/// <param name="Total">What the optimizer minimizes.</param>
/// <param name="Data">The data term (Σ_b Eq. 4, plain CE, or Co-teaching's exchange).</param>
/// <param name="Split">The rank split of the fused α (its term is in <paramref name="Total"/> when rank regularization is on).</param>
public sealed record StepLoss(Tensor Total, Tensor Data, RankSplit Split);
