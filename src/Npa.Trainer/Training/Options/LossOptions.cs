namespace Npa.Trainer.Training.Options;

/// <summary>α-weighted cross-entropy (Eq. 4) and rank regularization (Eqs. 2–3).</summary>
public sealed record LossOptions
{
    /// <summary>The objective's name for the paper's plain baselines: cross-entropy on the logits, no α.</summary>
    public const string PlainCrossEntropyObjective = "cross_entropy";

    /// <summary>The paper's Eq. 4 objective (the default).</summary>
    public const string AlphaWeightedObjective = "alpha_weighted";

    /// <summary>The Co-teaching baseline's objective: plain CE, each branch trained on the other's small-loss picks.</summary>
    public const string CoTeachingObjective = "co_teaching";

    /// <summary>The value of <see cref="AlphaSupervision"/> that turns on co-divide (issue 11, 5b).</summary>
    public const string CoDivideSupervision = "co_divide";

    /// <summary>Co-teaching's ramp of the forget rate, in epochs of its own schedule (Tk = 10), scaled like the paper's epochs.</summary>
    public const double CoTeachingReferenceRampEpochs = 10;

    /// <summary>
    /// <c>alpha_weighted</c> (Eq. 4, the default; null means the same and keeps older configs' hashes) or
    /// <c>cross_entropy</c> (plain CE on the logits: α gets no gradient, for the "ResNet alone" / "EffNet alone" rows) or
    /// <c>co_teaching</c> (the Co-teaching baseline: two branches, plain CE on each other's small-loss samples).
    /// </summary>
    public string? Objective { get; init; }

    /// <summary>True for <c>objective = cross_entropy</c>.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsPlainCrossEntropy => Objective == PlainCrossEntropyObjective;

    /// <summary>True for <c>objective = co_teaching</c>.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsCoTeaching => Objective == CoTeachingObjective;

    /// <summary>
    /// Co-teaching's forget rate τ, the share of each batch a branch drops as likely mislabelled. Null: data.noise_rate, as
    /// the Co-teaching paper assumes the rate known.
    /// </summary>
    public double? ForgetRate { get; init; }

    /// <summary>Epochs over which the forget rate rises linearly from 0 to τ. Null: Tk = 10 scaled by epochs / relabel.delta2_reference_epochs.</summary>
    public double? ForgetRampEpochs { get; init; }

    /// <summary>
    /// Beyond the paper (issue 11, 5b): <c>co_divide</c> supervises each branch's α with the clean probability that a
    /// two-component mixture on the <em>other</em> branch's per-sample losses gives. Null: α learns from Eq. 4 alone.
    /// </summary>
    public string? AlphaSupervision { get; init; }

    /// <summary>Weight of the α-supervision term (binary cross-entropy of α against the target). Null: 1.</summary>
    public double? AlphaSupervisionWeight { get; init; }

    /// <summary>True when co-divide supervises α.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsCoDivide => AlphaSupervision == CoDivideSupervision;

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
        errors.Require(Objective is null or AlphaWeightedObjective or PlainCrossEntropyObjective or CoTeachingObjective, "loss.objective",
            $"must be {AlphaWeightedObjective}, {PlainCrossEntropyObjective} or {CoTeachingObjective}, got '{Objective}'");
        errors.Require(!((IsPlainCrossEntropy || IsCoTeaching) && RankRegularization), "loss.rank_regularization",
            $"objective {Objective} has no α to rank: set it to false");
        if (ForgetRate is double tau) errors.Require(tau >= 0 && tau < 1, "loss.forget_rate", $"must be in [0, 1), got {tau}");
        if (ForgetRampEpochs is double ramp) errors.Require(ramp > 0 && ramp <= 10_000, "loss.forget_ramp_epochs", $"must be in (0, 10000], got {ramp}");
        errors.Require(IsCoTeaching || (ForgetRate is null && ForgetRampEpochs is null), "loss.forget_rate",
            "only the co_teaching objective forgets samples");
        errors.Require(AlphaSupervision is null or CoDivideSupervision, "loss.alpha_supervision",
            $"must be {CoDivideSupervision} or absent, got '{AlphaSupervision}'");
        // Co-teaching leaves α to the supervision term alone (its data term reads plain logits); plain CE is single-branch.
        errors.Require(!IsCoDivide || !IsPlainCrossEntropy, "loss.alpha_supervision",
            $"co-divide supervises α across two branches, which objective {Objective} does not have");
        if (AlphaSupervisionWeight is double w) errors.InRange(w, 0, 100, "loss.alpha_supervision_weight");
    }
}
