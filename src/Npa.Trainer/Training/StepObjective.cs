using Npa.Trainer.Losses;
using Npa.Trainer.Models;
using Npa.Trainer.Torch;
using Npa.Trainer.Training.CoDivision;
using Npa.Trainer.Training.Options;
using TorchSharp;
using static TorchSharp.torch;

namespace Npa.Trainer.Training;

/// <summary>
/// One step's loss: the data term (Eq. 4 per branch, plain CE, or Co-teaching's exchange), the rank term (Eqs. 2–3) and,
/// with co-divide, each branch's α against the other branch's clean probability. Holds its Scalars; dispose after the epoch.
/// </summary>
public sealed class StepObjective : IDisposable
{
    private readonly TrainConfig config;
    private readonly RankRegularization rank;
    private readonly ForgetSchedule? forget;
    private readonly CoDivide? coDivide;
    private readonly Scalar rankWeight;
    private readonly Scalar supervisionWeight;

    /// <summary>The objective of <paramref name="config"/>; <paramref name="coDivide"/> is required when co-divide is on.</summary>
    public StepObjective(TrainConfig config, int stepsPerEpoch, CoDivide? coDivide)
    {
        this.config = config ?? throw new ArgumentNullException(nameof(config));
        if (config.Loss.IsCoDivide && coDivide is null) throw new ArgumentNullException(nameof(coDivide), "co-divide is on");
        this.coDivide = config.Loss.IsCoDivide ? coDivide : null;
        rank = new RankRegularization(config.Loss.Beta, config.Loss.Delta1);
        forget = config.Loss.IsCoTeaching ? new ForgetSchedule(config, stepsPerEpoch) : null;
        rankWeight = config.Loss.RankWeight.ToScalar();
        supervisionWeight = (config.Loss.AlphaSupervisionWeight ?? 1.0).ToScalar();
    }

    /// <summary>The terms of one step over <paramref name="batch"/> (training indices) at <paramref name="step"/> of <paramref name="epoch"/>.</summary>
    public StepLoss Compute(SiameseOutput output, Tensor targets, IReadOnlyList<int> batch, int epoch, int step)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(batch);
        Tensor data;
        if (forget is not null)
        {
            data = CoTeachingLoss.Compute(output.A.Logits, output.B!.Logits, targets, forget.KeepFraction(epoch, step));
        }
        else
        {
            data = zeros(1, device: targets.device).sum();
            foreach (var branch in output.Branches) data = data.add(BranchLoss(branch, targets), HeldScalars.One);
        }
        var split = rank.Compute(output.Branches.Select(b => b.Alpha).ToArray());
        var total = config.Loss.RankRegularization ? data.add(split.Loss.mul(rankWeight), HeldScalars.One) : data;
        if (coDivide is not null) total = AddAlphaSupervision(total, output, targets, batch);
        return new StepLoss(total, data, split);
    }

    /// <summary>Disposes the held Scalars.</summary>
    public void Dispose()
    {
        rankWeight.Dispose();
        supervisionWeight.Dispose();
    }

    private Tensor AddAlphaSupervision(Tensor total, SiameseOutput output, Tensor targets, IReadOnlyList<int> batch)
    {
        var branches = output.Branches;
        long n = targets.numel();
        // The mixture reads plain CE on the logits: α-scaled losses would be flattened by the very α they are to supervise.
        using (no_grad())
        {
            coDivide!.Record(batch, branches.Select(b => Floats(nn.functional.cross_entropy(b.Logits, targets.reshape(n), reduction: nn.Reduction.None))).ToArray());
        }
        if (!coDivide.HasTargets) return total;
        for (int b = 0; b < branches.Count; b++)
        {
            var target = tensor(coDivide.AlphaTargets(b, batch), device: targets.device);
            var term = nn.functional.binary_cross_entropy(branches[b].Alpha.reshape(n), target);
            total = total.add(term.mul(supervisionWeight), HeldScalars.One);
        }
        return total;
    }

    /// <summary>Eq. 4 (α-weighted CE), or plain CE on the logits for the plain baselines (<c>loss.objective = cross_entropy</c>).</summary>
    private Tensor BranchLoss(BranchOutput branch, Tensor y) => config.Loss.IsPlainCrossEntropy
        ? nn.functional.cross_entropy(branch.Logits, y)
        : AlphaWeightedCrossEntropy.Compute(branch.Logits, branch.Alpha, y);

    private static float[] Floats(Tensor t)
    {
        using (t) return t.cpu().to_type(ScalarType.Float32).data<float>().ToArray();
    }
}
