namespace Npa.Trainer.Retraining;

/// <summary>One row of a flagged-frame export (<c>npa-monitor flags export</c>) that an annotator labelled.</summary>
/// <param name="Id">Flagged frame id, unique in the monitor's store.</param>
/// <param name="Bed">Bed the frame came from; frames of one bed stay on one side of every split.</param>
/// <param name="Path">Full path of the crop.</param>
/// <param name="Label">The annotator's NIPS label.</param>
/// <param name="Source">The manifest the row came from.</param>
public sealed record FlaggedLabel(string Id, string Bed, string Path, int Label, string Source);
