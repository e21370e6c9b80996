using Npa.Shared.Datasets;

namespace Npa.Trainer.Retraining;

/// <summary>The base set plus the annotators' labels, de-duplicated and split by group (bed or subject).</summary>
/// <param name="Entries">Every kept row, each with its split (train, val, or test: the held-out rows for <c>gate</c>).</param>
/// <param name="BaseRows">Rows kept from the base manifest.</param>
/// <param name="FlaggedRows">Annotator-labelled flagged frames kept.</param>
/// <param name="CannotTell">Flagged rows left out as "cannot tell".</param>
/// <param name="Unlabelled">Flagged rows left out because no annotator labelled them.</param>
/// <param name="Duplicates">Rows dropped as duplicates (same frame id, or the same image bytes).</param>
public sealed record RetrainSet(
    IReadOnlyList<DatasetEntry> Entries,
    int BaseRows,
    int FlaggedRows,
    int CannotTell,
    int Unlabelled,
    int Duplicates)
{
    /// <summary>Rows of one split.</summary>
    public IReadOnlyList<DatasetEntry> Rows(DatasetSplit split) => [.. Entries.Where(e => e.Split == split)];
}
