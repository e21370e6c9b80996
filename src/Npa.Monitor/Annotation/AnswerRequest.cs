namespace Npa.Monitor.Annotation;

/// <summary>Body of <c>POST /api/frames/{id}/answer</c>: <c>"0"</c>..<c>"7"</c> or <c>"cannot_tell"</c>.</summary>
/// <param name="Value">The answer's wire code.</param>
public sealed record AnswerRequest(string? Value);
