namespace Npa.Trainer.Training.Options;

/// <summary>α-weighted cross-entropy (Eq. 4) and rank regularization (Eqs. 2–3).</summary>
public sealed record LossOptions
{
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
    }
}
