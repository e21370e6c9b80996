namespace Npa.Monitor.ModelSwap;

/// <summary>Outcome of one reload attempt of the watched model package.</summary>
/// <param name="Accepted">True when the package validated and was queued for swap.</param>
/// <param name="ModelId">Id of the new package, when accepted.</param>
/// <param name="Message">What happened, as logged.</param>
public sealed record ModelReload(bool Accepted, string? ModelId, string Message);
