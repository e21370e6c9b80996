using Npa.Shared.Datasets;

namespace Npa.Capture.Simulation;

/// <summary>What the generator wrote: the manifest's entries and where each output lies.</summary>
public sealed record SyntheticDatasetResult(
    IReadOnlyList<DatasetEntry> Entries,
    string ManifestPath,
    string SummaryPath,
    string ContactSheetPath,
    DatasetSummary Summary);
