namespace Npa.Monitor.Storage;

/// <summary>An annotator's NIPS label for one flagged frame.</summary>
/// <param name="Id">Flagged frame id.</param>
/// <param name="Label">NIPS 0..7.</param>
/// <param name="Annotator">Who labelled it.</param>
public sealed record AnnotatorLabel(string Id, int Label, string Annotator);
