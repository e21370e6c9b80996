using Npa.Shared.Datasets;

namespace Npa.Trainer.Data;

/// <summary>A run's data after loading, splitting and noise injection.</summary>
/// <param name="ClassNames">Class names; their count is C.</param>
/// <param name="Train">Training entries; Label is what training sees (noisy), CleanLabel the label before injected noise.</param>
/// <param name="Validation">Validation entries, with the training split's noise kind and rate when noise is injected; CleanLabel
/// as for training.</param>
/// <param name="Test">Test entries (never noised).</param>
/// <param name="NoisyCount">How many training labels differ from their clean label.</param>
/// <param name="NoiseSource"><c>injected</c> (data.noise, drawn from the seed), <c>manifest</c> (the manifest's labels already differ
/// from its clean_label, so nothing more was injected) or <c>none</c>.</param>
public sealed record PreparedData(IReadOnlyList<string> ClassNames, IReadOnlyList<DatasetEntry> Train,
    IReadOnlyList<DatasetEntry> Validation, IReadOnlyList<DatasetEntry> Test, int NoisyCount, string NoiseSource)
{
    /// <summary>Rows of the manifest's trusted subset (split <c>val_clean</c>); empty when it has none.</summary>
    public IReadOnlyList<DatasetEntry> TrustedValidation { get; init; } = [];

    /// <summary>The rows that select the kept epoch and network: the trusted subset when there is one, else validation.</summary>
    public IReadOnlyList<DatasetEntry> Selection => TrustedValidation.Count > 0 ? TrustedValidation : Validation;

    /// <summary><c>val_clean</c> (trusted subset) or <c>val</c> (the user's own, possibly noisy, labels).</summary>
    public string SelectionSplit => TrustedValidation.Count > 0 ? "val_clean" : "val";

    /// <summary>How many validation labels differ from their clean label.</summary>
    public int NoisyValidationCount => Validation.Count(e => e.CleanLabel is int c && c != e.Label);

    /// <summary>Number of classes.</summary>
    public int ClassCount => ClassNames.Count;
}
