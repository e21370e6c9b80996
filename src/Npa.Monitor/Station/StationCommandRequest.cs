namespace Npa.Monitor.Station;

/// <summary>The body of <c>POST /api/beds/{bed}/{command}</c> from the ward page.</summary>
/// <param name="Minutes">Silence and hold: how long (1 to 120).</param>
/// <param name="Nurse">Who at the station, if the page knows (added to the command's <c>by</c> after the station's user).</param>
public sealed record StationCommandRequest(int? Minutes, string? Nurse);
