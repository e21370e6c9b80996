namespace Npa.Monitor.Annotation;

/// <summary>Body of <c>POST /api/login</c>.</summary>
/// <param name="Annotator">Name in the password file.</param>
/// <param name="Password">That annotator's password.</param>
public sealed record LoginRequest(string? Annotator, string? Password);
