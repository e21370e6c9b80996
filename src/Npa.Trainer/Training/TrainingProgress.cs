namespace Npa.Trainer.Training;

/// <summary>Progress of a run, for a progress bar: a step within an epoch, or (with <see cref="Completed"/>) an epoch's end.</summary>
/// <param name="Epoch">1-based epoch.</param>
/// <param name="Epochs">Total epochs.</param>
/// <param name="Step">Steps done in this epoch.</param>
/// <param name="Steps">Steps in this epoch.</param>
/// <param name="Loss">Running mean loss of the epoch.</param>
/// <param name="Accuracy">Running training accuracy of the epoch.</param>
/// <param name="Completed">The epoch's metrics once it has ended.</param>
public sealed record TrainingProgress(int Epoch, int Epochs, int Step, int Steps, double Loss, double Accuracy, EpochMetrics? Completed = null);
