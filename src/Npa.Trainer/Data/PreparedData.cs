using Npa.Shared.Datasets;

namespace Npa.Trainer.Data;

/// <summary>A run's data after loading, splitting and noise injection.</summary>
/// <param name="ClassNames">Class names; their count is C.</param>
/// <param name="Train">Training entries; Label is what training sees (noisy), CleanLabel the label before injected noise.</param>
/// <param name="Validation">Validation entries (never noised).</param>
/// <param name="Test">Test entries (never noised).</param>
/// <param name="NoisyCount">How many training labels differ from their clean label.</param>
/// <param name="NoiseSource"><c>injected</c> (data.noise, drawn from the seed), <c>manifest</c> (the manifest's labels already differ
/// from its clean_label, so nothing more was injected) or <c>none</c>.</param>
public sealed record PreparedData(IReadOnlyList<string> ClassNames, IReadOnlyList<DatasetEntry> Train,
    IReadOnlyList<DatasetEntry> Validation, IReadOnlyList<DatasetEntry> Test, int NoisyCount, string NoiseSource)
{
    /// <summary>Number of classes.</summary>
    public int ClassCount => ClassNames.Count;
}
