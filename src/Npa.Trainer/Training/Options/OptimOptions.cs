namespace Npa.Trainer.Training.Options;

/// <summary>Optimizer and schedule: AdamW with cosine annealing, as in the paper.</summary>
public sealed record OptimOptions
{
    /// <summary>Number of epochs (paper: 70).</summary>
    public int Epochs { get; init; } = 70;

    /// <summary>Mini-batch size (paper: 64).</summary>
    public int BatchSize { get; init; } = 64;

    /// <summary>AdamW learning rate (paper: 1e-4).</summary>
    public double LearningRate { get; init; } = 1e-4;

    /// <summary>AdamW weight decay (paper: 1e-4).</summary>
    public double WeightDecay { get; init; } = 1e-4;

    /// <summary>Lowest learning rate of the cosine schedule (paper: unstated, so 0 as in PyTorch's default).</summary>
    public double MinLearningRate { get; init; }

    /// <summary>Cosine annealing steps per <c>epoch</c> (paper wording) or per optimizer <c>step</c>.</summary>
    public string CosineUnit { get; init; } = "epoch";

    /// <summary>Drop the last incomplete training batch (it would make rank groups of one or two samples).</summary>
    public bool DropLast { get; init; }

    internal void Validate(OptionErrors errors)
    {
        errors.InRange(Epochs, 1, 10_000, "optim.epochs");
        errors.InRange(BatchSize, 2, 4096, "optim.batch_size");
        errors.Require(LearningRate > 0 && LearningRate < 1, "optim.learning_rate", $"must be in (0, 1), got {LearningRate}");
        errors.InRange(WeightDecay, 0, 1, "optim.weight_decay");
        errors.Require(MinLearningRate >= 0 && MinLearningRate <= LearningRate, "optim.min_learning_rate",
            $"must be in [0, learning_rate], got {MinLearningRate}");
        errors.Require(CosineUnit is "epoch" or "step", "optim.cosine_unit", $"must be epoch or step, got '{CosineUnit}'");
    }
}
