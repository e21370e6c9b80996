namespace Npa.Trainer.Training.Options;

/// <summary>α-weighted cross-entropy (Eq. 4) and rank regularization (Eqs. 2–3).</summary>
public sealed record LossOptions
{
    /// <summary>The objective's name for the paper's plain baselines: cross-entropy on the logits, no α.</summary>
    public const string PlainCrossEntropyObjective = "cross_entropy";

    /// <summary>The paper's Eq. 4 objective (the default).</summary>
    public const string AlphaWeightedObjective = "alpha_weighted";

    /// <summary>
    /// <c>alpha_weighted</c> (Eq. 4, the default; null means the same and keeps older configs' hashes) or
    /// <c>cross_entropy</c> (plain CE on the logits: α gets no gradient, for the "ResNet alone" / "EffNet alone" rows).
    /// </summary>
    public string? Objective { get; init; }

    /// <summary>True for <c>objective = cross_entropy</c>.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsPlainCrossEntropy => Objective == PlainCrossEntropyObjective;

    /// <summary>Add the rank-regularization term (ablation: <c>--rank-reg off</c>).</summary>
    public bool RankRegularization { get; init; } = true;

    /// <summary>Fraction of the batch in the high-α group H (paper: 0.5).</summary>
    public double Beta { get; init; } = 0.5;

    /// <summary>Required margin between the H and L group means (paper: 0.1).</summary>
    public double Delta1 { get; init; } = 0.1;

    /// <summary>Weight of the rank term in the total loss (paper: 1).</summary>
    public double RankWeight { get; init; } = 1.0;

    internal void Validate(OptionErrors errors)
    {
        errors.Require(Beta > 0 && Beta < 1, "loss.beta", $"must be in (0, 1), got {Beta}");
        errors.InRange(Delta1, 0, 1, "loss.delta1");
        errors.InRange(RankWeight, 0, 100, "loss.rank_weight");
        errors.Require(Objective is null or AlphaWeightedObjective or PlainCrossEntropyObjective, "loss.objective",
            $"must be {AlphaWeightedObjective} or {PlainCrossEntropyObjective}, got '{Objective}'");
        errors.Require(!(IsPlainCrossEntropy && RankRegularization), "loss.rank_regularization",
            "plain cross-entropy has no α to rank: set it to false with objective cross_entropy");
    }
}
