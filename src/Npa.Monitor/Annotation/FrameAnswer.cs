namespace Npa.Monitor.Annotation;

/// <summary>An annotator's current answer for one frame (the latest they gave).</summary>
/// <param name="FrameId">Flagged frame id.</param>
/// <param name="Annotator">Who answered.</param>
/// <param name="Value">The answer.</param>
public sealed record FrameAnswer(string FrameId, string Annotator, AnnotationValue Value);
