using Npa.Trainer.Training;

namespace Npa.Trainer.Evaluation;

/// <summary>One finished run of an experiment.</summary>
/// <param name="Variant">Variant id.</param>
/// <param name="Seed">Seed of the run.</param>
/// <param name="Accuracy">The kept network's accuracy: on the test split when there is one, else on validation.</param>
/// <param name="Outcome">The run's outcome.json.</param>
/// <param name="Epochs">The run's metrics.jsonl.</param>
public sealed record ExperimentResult(string Variant, int Seed, double Accuracy, TrainingOutcome Outcome, IReadOnlyList<EpochMetrics> Epochs)
{
    /// <summary>The last epoch's fused α per training sample with its noisy flag (empty without noise accounting).</summary>
    public IReadOnlyList<AlphaSample> LastEpochAlpha { get; init; } = [];

    /// <summary>ECE before and after temperature scaling on the evaluated split, or null when it could not be measured.</summary>
    public RunCalibration? Calibration { get; init; }
}
