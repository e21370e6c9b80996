namespace Npa.Trainer.Training;

/// <summary>Summary of a finished run, written as outcome.json: which network validated better and the α threshold for export.</summary>
public sealed record TrainingOutcome
{
    /// <summary><c>student</c> or <c>teacher</c>: which of the two reached the higher validation accuracy.</summary>
    public required string Winner { get; init; }

    /// <summary>Epoch of the kept (best) checkpoint.</summary>
    public int BestEpoch { get; init; }

    /// <summary>Validation accuracy of the winner at the best epoch.</summary>
    public double BestValAccuracy { get; init; }

    /// <summary>Validation accuracy of the students at the best epoch.</summary>
    public double ValAccuracyStudent { get; init; }

    /// <summary>Validation accuracy of the teachers at the best epoch (null without EMA).</summary>
    public double? ValAccuracyTeacher { get; init; }

    /// <summary>Fused-α value between group H (top β) and group L on the training set, for the winner.</summary>
    public double AlphaThreshold { get; init; }

    /// <summary>β used for the threshold.</summary>
    public double Beta { get; init; }

    /// <summary>Test accuracy of the winner (null without a test split).</summary>
    public double? TestAccuracy { get; init; }

    /// <summary>Class names in label order.</summary>
    public IReadOnlyList<string> ClassNames { get; init; } = [];

    /// <summary>Backbone names of the branches.</summary>
    public IReadOnlyList<string> Branches { get; init; } = [];

    /// <summary>Square input size.</summary>
    public int InputSize { get; init; }

    /// <summary>Hash of the training config.</summary>
    public string ConfigHash { get; init; } = "";

    /// <summary>Total relabels over the run.</summary>
    public int RelabelTotal { get; init; }

    /// <summary>
    /// Which rows chose the kept epoch and network: <c>val</c> (the validation split with the labels a user has) or
    /// <c>val_clean</c> (the manifest's trusted subset).
    /// </summary>
    public string SelectionSplit { get; init; } = "val";

    /// <summary>Epoch after which rectification was allowed by <c>relabel.start_teacher_accuracy</c> (null: no bar, or never passed).</summary>
    public int? RectificationGateEpoch { get; init; }

    /// <summary>Mean seconds per epoch.</summary>
    public double SecondsPerEpoch { get; init; }

    /// <summary>Process peak working set in MiB.</summary>
    public double PeakWorkingSetMb { get; init; }
}
