using Npa.Shared.Packaging;
using Npa.Trainer.Training;

namespace Npa.Trainer.Retraining;

/// <summary>What a retrain produced.</summary>
/// <param name="Set">The joined, de-duplicated, split data.</param>
/// <param name="Outcome">The fine-tuning run's outcome.</param>
/// <param name="Candidate">The candidate package's manifest.</param>
/// <param name="HeldoutManifest">heldout.csv in the run folder (rows kept out of training and validation), or null when none were held out.</param>
public sealed record RetrainResult(RetrainSet Set, TrainingOutcome Outcome, ModelManifest Candidate, string? HeldoutManifest);
