namespace Npa.Trainer.Training;

/// <summary>One line of metrics.jsonl: what happened in one epoch.</summary>
public sealed record EpochMetrics
{
    /// <summary>1-based epoch.</summary>
    public int Epoch { get; init; }

    /// <summary>Learning rate at the epoch's first step.</summary>
    public double Lr { get; init; }

    /// <summary>Mean total loss over the epoch's batches.</summary>
    public double Loss { get; init; }

    /// <summary>Mean Σ_b weighted CE.</summary>
    public double LossWce { get; init; }

    /// <summary>Mean rank-regularization term (computed even when it is not added to the loss).</summary>
    public double LossRr { get; init; }

    /// <summary>Training accuracy of the fused student prediction against the labels used in the step.</summary>
    public double TrainAccuracy { get; init; }

    /// <summary>Mean fused α of group H over the epoch's batches.</summary>
    public double AlphaHigh { get; init; }

    /// <summary>Mean fused α of group L.</summary>
    public double AlphaLow { get; init; }

    /// <summary>Validation accuracy of the students' fused prediction (NaN without a validation split).</summary>
    public double ValAccuracyStudent { get; init; }

    /// <summary>Validation accuracy of the EMA teachers' fused prediction (null with <c>--ema off</c>).</summary>
    public double? ValAccuracyTeacher { get; init; }

    /// <summary>Validation accuracy per student branch (A, then B).</summary>
    public IReadOnlyList<double> ValAccuracyBranches { get; init; } = [];

    /// <summary>Labels rectified in this epoch.</summary>
    public int RelabelCount { get; init; }

    /// <summary>Fraction of this epoch's rectifications that match the clean label (null when none are known).</summary>
    public double? RelabelPrecision { get; init; }

    /// <summary>Fraction of training labels that equal the clean label after this epoch.</summary>
    public double? LabelCleanFraction { get; init; }

    /// <summary>AUROC of 1 − fused α (as seen in each sample's step) for finding the labels that differ from the clean ones (null without clean labels).</summary>
    public double? NoiseAuc { get; init; }

    /// <summary>Share of this epoch's step labels that differ from the clean ones: the base rate for <see cref="LowGroupNoisyShare"/>.</summary>
    public double? NoisyBaseRate { get; init; }

    /// <summary>Share of noisy labels among the samples ranked into group L in their step.</summary>
    public double? LowGroupNoisyShare { get; init; }

    /// <summary>Of all labels changed so far, the share that now equal the clean label.</summary>
    public double? RelabelNetPrecision { get; init; }

    /// <summary>Of the labels given noisy, the share that rectification has fixed so far.</summary>
    public double? RelabelRecall { get; init; }

    /// <summary>Labels given clean that rectification has changed to a wrong one so far.</summary>
    public int? CleanLabelsBroken { get; init; }

    /// <summary>δ2 in force.</summary>
    public double Delta2 { get; init; }

    /// <summary>The temperature fitted at this epoch's end for the noise-posterior rule's next epoch (null: not calibrated).</summary>
    public double? PosteriorTemperature { get; init; }

    /// <summary>Wall-clock seconds of the epoch (training and validation).</summary>
    public double Seconds { get; init; }

    /// <summary>Process peak working set so far, in MiB.</summary>
    public double PeakWorkingSetMb { get; init; }
}
