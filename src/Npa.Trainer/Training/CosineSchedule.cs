using Npa.Trainer.Training.Options;

namespace Npa.Trainer.Training;

/// <summary>Cosine annealing, lr(t) = lr_min + (lr_0 − lr_min)·(1 + cos(π·t/T))/2, computed from t so that resume needs no scheduler state.</summary>
public sealed class CosineSchedule
{
    private readonly OptimOptions options;
    private readonly int stepsPerEpoch;

    /// <summary>Schedule for <paramref name="stepsPerEpoch"/> optimizer steps an epoch.</summary>
    public CosineSchedule(OptimOptions options, int stepsPerEpoch)
    {
        this.options = options ?? throw new ArgumentNullException(nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(stepsPerEpoch, 1);
        this.stepsPerEpoch = stepsPerEpoch;
    }

    /// <summary>Learning rate for optimizer step <paramref name="stepInEpoch"/> (0-based) of 1-based <paramref name="epoch"/>.</summary>
    public double At(int epoch, int stepInEpoch)
    {
        // PyTorch's CosineAnnealingLR stepped once per epoch with T_max = epochs: epoch 1 runs at lr_0.
        double t = options.CosineUnit == "step" ? (epoch - 1) * (double)stepsPerEpoch + stepInEpoch : epoch - 1;
        double total = options.CosineUnit == "step" ? options.Epochs * (double)stepsPerEpoch : options.Epochs;
        return options.MinLearningRate + (options.LearningRate - options.MinLearningRate) * (1 + Math.Cos(Math.PI * t / total)) / 2;
    }
}
