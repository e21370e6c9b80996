using Npa.Shared.Datasets;

namespace Npa.Capture.Simulation;

/// <summary>What the generator wrote: the manifest's entries and where each output lies.</summary>
public sealed record SyntheticDatasetResult(
    IReadOnlyList<DatasetEntry> Entries,
    string ManifestPath,
    string SummaryPath,
    string ContactSheetPath,
    DatasetSummary Summary)
{
    /// <summary>Camera frames the capture chain refused, by reason (no face, too small, blurry…); they are not in the set.</summary>
    public IReadOnlyDictionary<string, int> Refused { get; init; } = new Dictionary<string, int>();
}
