using Npa.Trainer.Training.Options;

namespace Npa.Trainer.Evaluation;

/// <summary>A named change to the base preset for the paper's comparisons and ablations.</summary>
/// <param name="Name">Short id (hsn, hsn-no-ema, single-a, …).</param>
/// <param name="Label">Row title in the report.</param>
/// <param name="Apply">Turns the base config into this variant's.</param>
public sealed record ExperimentVariant(string Name, string Label, Func<TrainConfig, TrainConfig> Apply)
{
    /// <summary>Every known variant, in report order.</summary>
    public static IReadOnlyList<ExperimentVariant> All { get; } =
    [
        new("hsn", "HSN (EMA + rectification + RR)", c => c),
        new("hsn-no-ema", "HSN without EMA", c => c with { Ema = c.Ema with { Enabled = false } }),
        new("single-a", "Single branch A", c => c with { Model = c.Model with { BranchB = null, PretrainedB = null } }),
        new("single-b", "Single branch B", c => c with
        {
            Model = c.Model with { BranchA = c.Model.BranchB ?? c.Model.BranchA, PretrainedA = c.Model.PretrainedB, BranchB = null, PretrainedB = null },
        }),
        new("hsn-no-relabel", "HSN without rectification", c => c with { Relabel = c.Relabel with { Enabled = false } }),
        new("hsn-no-rank-reg", "HSN without rank regularization", c => c with { Loss = c.Loss with { RankRegularization = false } }),
        new("homogeneous-a", "Homogeneous pair (A + A)", c => c with { Model = c.Model with { BranchB = c.Model.BranchA, PretrainedB = c.Model.PretrainedA } }),
    ];

    /// <summary>The variant called <paramref name="name"/>, or a readable error listing the known ones.</summary>
    public static ExperimentVariant Find(string name) =>
        All.FirstOrDefault(v => v.Name == name)
        ?? throw new TrainConfigException($"unknown experiment variant '{name}'; known: {string.Join(", ", All.Select(v => v.Name))}");
}
