namespace Npa.Monitor.Storage;

/// <summary>Where a flagged frame is in the relabelling loop.</summary>
public enum RelabelStatus
{
    /// <summary>Stored, not yet sent to annotators.</summary>
    Pending = 0,

    /// <summary>Exported for annotators, no label back yet.</summary>
    Exported = 1,

    /// <summary>An annotator's label was imported.</summary>
    Labelled = 2,
}
