namespace Npa.Trainer.Evaluation;

/// <summary>Metrics of a classifier on one labelled set.</summary>
/// <param name="Count">Number of samples.</param>
/// <param name="Accuracy">Fraction predicted correctly.</param>
/// <param name="MacroF1">Unweighted mean of the per-class F1 (classes absent from both truth and prediction are skipped).</param>
/// <param name="MeanAbsoluteError">Mean |prediction − truth| in class-index points (NIPS points for the NIPS classes).</param>
/// <param name="Recall">Per-class recall (NaN for a class with no true sample).</param>
/// <param name="Confusion">Confusion[truth][prediction] counts.</param>
/// <param name="ExpectedCalibrationError">ECE of the top-class confidence over equal-width bins.</param>
public sealed record ClassificationReport(int Count, double Accuracy, double MacroF1, double MeanAbsoluteError,
    IReadOnlyList<double> Recall, IReadOnlyList<IReadOnlyList<int>> Confusion, double ExpectedCalibrationError);
