namespace Npa.Trainer.Retraining;

/// <summary>What one flagged-frame manifest held: the annotators' labels and what was left out, by reason.</summary>
/// <param name="Labels">Rows an annotator labelled 0–7.</param>
/// <param name="CannotTell">Rows the annotator marked "cannot tell" (never trained on).</param>
/// <param name="Unlabelled">Rows whose label is still the model's pre-fill (<c>label_source</c> = <c>model</c>).</param>
public sealed record FlaggedLabelFile(IReadOnlyList<FlaggedLabel> Labels, int CannotTell, int Unlabelled);
