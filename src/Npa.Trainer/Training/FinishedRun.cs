using Npa.Trainer.Training.Options;

namespace Npa.Trainer.Training;

/// <summary>What a finished run folder says about its kept network: the config, the outcome, which network and its weights file.</summary>
public sealed record FinishedRun(string Folder, TrainConfig Config, TrainingOutcome Outcome, string Network, string WeightsPath);
