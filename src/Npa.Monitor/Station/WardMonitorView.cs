namespace Npa.Monitor.Station;

/// <summary>One monitor instance on the broker, as the station sees it.</summary>
/// <param name="Id">Instance id (its topic level).</param>
/// <param name="State"><c>online</c>, <c>offline</c> (its Last Will), <c>stopped</c>, or <c>unknown</c> before its availability arrives.</param>
/// <param name="Beds">The beds of its latest claim (kept after a clean stop clears the claim, so they can be shown stale).</param>
/// <param name="ModelId">The model it serves (its retained model topic); null until known.</param>
public sealed record WardMonitorView(string Id, string State, IReadOnlyList<string> Beds, string? ModelId);
