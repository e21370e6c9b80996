using Npa.Shared.Datasets;

namespace Npa.Trainer.Data;

/// <summary>A run's data after loading, splitting and noise injection.</summary>
/// <param name="ClassNames">Class names; their count is C.</param>
/// <param name="Train">Training entries; Label is what training sees (noisy), CleanLabel the label before injected noise.</param>
/// <param name="Validation">Validation entries (never noised).</param>
/// <param name="Test">Test entries (never noised).</param>
/// <param name="NoisyCount">How many training labels the injected noise changed.</param>
public sealed record PreparedData(IReadOnlyList<string> ClassNames, IReadOnlyList<DatasetEntry> Train,
    IReadOnlyList<DatasetEntry> Validation, IReadOnlyList<DatasetEntry> Test, int NoisyCount)
{
    /// <summary>Number of classes.</summary>
    public int ClassCount => ClassNames.Count;
}
