using Npa.Shared.Packaging;
using Npa.Trainer.Training.Options;

namespace Npa.Trainer.Evaluation;

/// <summary>A named change to the base preset for the paper's comparisons and ablations.</summary>
/// <param name="Name">Short id (hsn, hsn-no-ema, single-a, …).</param>
/// <param name="Label">Row title in the report.</param>
/// <param name="Apply">Turns the base config into this variant's.</param>
public sealed record ExperimentVariant(string Name, string Label, Func<TrainConfig, TrainConfig> Apply)
{
    /// <summary>The bar of <c>hsn-relabel-gate</c> when the base preset sets none: fused teacher accuracy on the selection labels.</summary>
    public const double DefaultRectificationBar = 0.6;

    /// <summary>Every known variant, in report order.</summary>
    public static IReadOnlyList<ExperimentVariant> All { get; } =
    [
        new("hsn", "HSN (EMA + rectification + RR)", c => c),
        new("hsn-no-ema", "HSN without EMA", c => c with { Ema = c.Ema with { Enabled = false } }),
        new("plain-a", "Branch A alone, plain CE (paper's \"ResNet alone\")", c => Plain(SingleA(c))),
        new("plain-b", "Branch B alone, plain CE (paper's \"EffNet alone\")", c => Plain(SingleB(c))),
        new("single-a", "Branch A of HSN (ablation: α, RR, EMA, rectification)", SingleA),
        new("single-b", "Branch B of HSN (ablation: α, RR, EMA, rectification)", SingleB),
        new("hsn-no-relabel", "HSN without rectification", c => c with { Relabel = c.Relabel with { Enabled = false } }),
        new("hsn-no-rank-reg", "HSN without rank regularization", c => c with { Loss = c.Loss with { RankRegularization = false } }),
        new("homogeneous-a", "Homogeneous pair (A + A)", c => c with { Model = c.Model with { BranchB = c.Model.BranchA, PretrainedB = c.Model.PretrainedA } }),
        new("hsn-co-divide", "HSN, α supervised by the other branch's loss mixture, which also picks the relabel candidates (beyond the paper)", c => c with
        {
            Loss = c.Loss with { AlphaSupervision = LossOptions.CoDivideSupervision },
            Relabel = c.Relabel with { Candidates = RelabelOptions.CoDivideCandidates },
        }),
        new("hsn-alpha-fusion", "HSN, branches fused by their α at inference (beyond the paper)", c => c with
        {
            Model = c.Model with { Fusion = FusionRule.AlphaWeighted },
        }),
        new("scn-a", "SCN on branch A (α, RR β = 0.7 and δ1 = 0.15, relabel margin 0.2, no EMA)", Scn),
        new("co-teaching", "Co-teaching (A + B, plain CE, small-loss exchange, forget rate = noise rate)", CoTeaching),
        new("hsn-relabel-gate", "HSN, rectification once the teachers pass a validation bar (beyond the paper)", c => c with
        {
            Relabel = c.Relabel with { StartEpoch = 1, StartTeacherAccuracy = c.Relabel.StartTeacherAccuracy ?? DefaultRectificationBar },
        }),
        new("hsn-noise-posterior", "HSN, relabelling by the noise-aware posterior ≥ 0.9 over all samples, T fitted through the noise model (beyond the paper)", NoisePosterior),
        new("co-teaching-hsn", "Co-teaching with EMA teachers, α supervised by co-divide, noise-posterior relabelling and noise-aware T (beyond the paper)", c => NoisePosterior(CoTeaching(c)) with
        {
            Loss = CoTeaching(c).Loss with { AlphaSupervision = LossOptions.CoDivideSupervision },
            Ema = c.Ema with { Enabled = true },
        }),
    ];

    /// <summary>The variant called <paramref name="name"/>, or a readable error listing the known ones.</summary>
    public static ExperimentVariant Find(string name) =>
        All.FirstOrDefault(v => v.Name == name)
        ?? throw new TrainConfigException($"unknown experiment variant '{name}'; known: {string.Join(", ", All.Select(v => v.Name))}");

    private static TrainConfig SingleA(TrainConfig c) => c with { Model = c.Model with { BranchB = null, PretrainedB = null } };

    private static TrainConfig SingleB(TrainConfig c) => c with
    {
        Model = c.Model with { BranchA = c.Model.BranchB ?? c.Model.BranchA, PretrainedA = c.Model.PretrainedB, BranchB = null, PretrainedB = null },
    };

    /// <summary>
    /// SCN (Wang et al., 2020), which the paper builds on: one branch, α with rank regularization at β = 0.7 and margin 0.15,
    /// relabelling by the network's own predictions with margin 0.2 and no confidence bar, from the preset's (scaled) start.
    /// </summary>
    private static TrainConfig Scn(TrainConfig c) => SingleA(c) with
    {
        Loss = c.Loss with { Beta = 0.7, Delta1 = 0.15, RankRegularization = true },
        Ema = c.Ema with { Enabled = false },
        Relabel = c.Relabel with { Enabled = true, Margin = 0.2, Delta2Start = 0, Delta2End = 0 },
    };

    /// <summary>Co-teaching (Han et al., 2018): both branches with plain CE on each other's small-loss picks; no α, RR, EMA or relabelling.</summary>
    private static TrainConfig CoTeaching(TrainConfig c) => c with
    {
        Loss = c.Loss with { Objective = LossOptions.CoTeachingObjective, RankRegularization = false },
        Ema = c.Ema with { Enabled = false },
        Relabel = c.Relabel with { Enabled = false },
    };

    /// <summary>
    /// Relabelling by P(clean | image, given label) under the assumed noise model instead of Eqs. 5–7, judged on every
    /// sample from the preset's start epoch, and the temperature fitted through the same model.
    /// </summary>
    private static TrainConfig NoisePosterior(TrainConfig c) => c with
    {
        Model = c.Model with { TemperatureFit = ModelOptions.NoiseAwareTemperatureFit },
        Relabel = c.Relabel with { Enabled = true, Rule = RelabelOptions.NoisePosteriorRule, Candidates = RelabelOptions.AllCandidates },
    };

    /// <summary>The paper's single-network baseline: plain cross-entropy, no α, no rank term, no EMA teacher, no relabelling.</summary>
    private static TrainConfig Plain(TrainConfig c) => c with
    {
        Loss = c.Loss with { Objective = LossOptions.PlainCrossEntropyObjective, RankRegularization = false },
        Ema = c.Ema with { Enabled = false },
        Relabel = c.Relabel with { Enabled = false },
    };
}
