namespace Npa.Monitor.Annotation;

/// <summary>One audited answer: who labelled which frame when, what they had answered before, and what the store now holds.</summary>
/// <param name="Seq">Ledger sequence number (1, 2, …), the audit order.</param>
/// <param name="FrameId">Flagged frame id.</param>
/// <param name="Annotator">Who answered.</param>
/// <param name="Time">When the answer was recorded.</param>
/// <param name="Previous">This annotator's earlier answer for the frame, or null for a first answer.</param>
/// <param name="Value">The answer.</param>
/// <param name="StoreLabel">The frame's label in the flagged-frame store after this answer (null: still unlabelled).</param>
public sealed record AnnotationAuditEntry(
    long Seq,
    string FrameId,
    string Annotator,
    DateTimeOffset Time,
    AnnotationValue? Previous,
    AnnotationValue Value,
    int? StoreLabel);
