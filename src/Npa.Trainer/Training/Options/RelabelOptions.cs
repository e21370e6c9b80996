namespace Npa.Trainer.Training.Options;

/// <summary>Label rectification (Eqs. 5–7) and its δ2 schedule.</summary>
public sealed record RelabelOptions
{
    /// <summary>Rectify labels at all (ablation: <c>--relabel off</c>).</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>First epoch (1-based) in which labels may change (paper: 10).</summary>
    public int StartEpoch { get; init; } = 10;

    /// <summary>Per-branch margin Pmax − P(y_org) that must be exceeded (paper, after SCN: 0.2).</summary>
    public double Margin { get; init; } = 0.2;

    /// <summary>δ2 up to <see cref="Delta2RiseEpoch"/> (paper: 0.4).</summary>
    public double Delta2Start { get; init; } = 0.4;

    /// <summary>δ2 at the last epoch (paper: 0.8).</summary>
    public double Delta2End { get; init; } = 0.8;

    /// <summary>Epoch after which δ2 rises, on the reference epoch count (paper: 50 of 70).</summary>
    public int Delta2RiseEpoch { get; init; } = 50;

    /// <summary>Epoch count the schedule is written for (paper: 70); it is scaled to the run's epoch count.</summary>
    public int Delta2ReferenceEpochs { get; init; } = 70;

    /// <summary>
    /// Beyond the paper (issue 11, 5a): when set, rectification also waits until the teachers' (with EMA off, the students')
    /// fused validation accuracy on the selection labels reaches this bar at the end of an epoch. Null: start at
    /// <see cref="StartEpoch"/> as in the paper.
    /// </summary>
    public double? StartTeacherAccuracy { get; init; }

    /// <summary>Candidate rule name: samples the branches' co-divide mixtures call noisy (mean clean probability below one half).</summary>
    public const string CoDivideCandidates = "co_divide";

    /// <summary>
    /// Which samples may be relabelled. Null: group L of the rank split, as in the paper (Eq. 5). <c>co_divide</c> (issue 11,
    /// 5b): the samples whose mean clean probability from the two branches' loss mixtures is below one half.
    /// </summary>
    public string? Candidates { get; init; }

    /// <summary>Candidate rule name: every training sample (for the noise-posterior rule, which weighs the label itself).</summary>
    public const string AllCandidates = "all";

    /// <summary>Rule name: relabel by the noise-aware posterior instead of Eqs. 5–7.</summary>
    public const string NoisePosteriorRule = "noise_posterior";

    /// <summary>
    /// Beyond the paper (issue 11): null is Eqs. 5–7. <c>noise_posterior</c> relabels a sample when its posterior
    /// P(clean = k | x, ŷ) ∝ p(k | x)·T[k][ŷ], with p the predictors' fused probabilities, ŷ the label as given and T the
    /// assumed noise model (<see cref="DataOptions.NoiseTransition"/>), puts at least <see cref="PosteriorThreshold"/> on a
    /// class k ≠ ŷ on which both branches' own posteriors agree. A label is changed only when the evidence outweighs the
    /// prior that it was right, which Eqs. 5–7 ignore.
    /// </summary>
    public string? Rule { get; init; }

    /// <summary>The noise-posterior rule's bar on the winning class's posterior. Null: 0.9.</summary>
    public double? PosteriorThreshold { get; init; }

    /// <summary>The bar in force for the noise-posterior rule.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public double EffectivePosteriorThreshold => PosteriorThreshold ?? 0.9;

    /// <summary>True for <c>rule = noise_posterior</c>.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsNoisePosterior => Rule == NoisePosteriorRule;

    /// <summary>True for <c>candidates = all</c>.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool CandidatesAll => Candidates == AllCandidates;

    /// <summary>True for <c>candidates = co_divide</c>.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool CandidatesFromCoDivide => Candidates == CoDivideCandidates;

    /// <summary>Teachers' probabilities are softmax(α·logits), as at prediction time; false uses softmax(logits).</summary>
    public bool AlphaScaledProbabilities { get; init; } = true;

    internal void Validate(OptionErrors errors)
    {
        errors.InRange(StartEpoch, 1, 10_000, "relabel.start_epoch");
        errors.Require(Candidates is null or CoDivideCandidates or AllCandidates, "relabel.candidates",
            $"must be {CoDivideCandidates}, {AllCandidates} or absent, got '{Candidates}'");
        errors.Require(Rule is null or NoisePosteriorRule, "relabel.rule", $"must be {NoisePosteriorRule} or absent, got '{Rule}'");
        if (PosteriorThreshold is double bar2) errors.Require(bar2 > 0.5 && bar2 <= 1, "relabel.posterior_threshold", $"must be in (0.5, 1], got {bar2}");
        errors.InRange(Margin, 0, 1, "relabel.margin");
        if (StartTeacherAccuracy is double bar) errors.InRange(bar, 0, 1, "relabel.start_teacher_accuracy");
        errors.InRange(Delta2Start, 0, 1, "relabel.delta2_start");
        errors.InRange(Delta2End, 0, 1, "relabel.delta2_end");
        errors.InRange(Delta2ReferenceEpochs, 1, 10_000, "relabel.delta2_reference_epochs");
        errors.Require(Delta2RiseEpoch >= 0 && Delta2RiseEpoch <= Delta2ReferenceEpochs, "relabel.delta2_rise_epoch",
            $"must be in [0, delta2_reference_epochs={Delta2ReferenceEpochs}], got {Delta2RiseEpoch}");
    }
}
