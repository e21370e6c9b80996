namespace Npa.Monitor.Station;

/// <summary>A bed's running pain episode as the ward page shows it (its banner).</summary>
/// <param name="Id">Episode id (what an acknowledgement names).</param>
/// <param name="Category">Band of the episode (<c>mild_moderate</c> or <c>severe</c>).</param>
/// <param name="Peak">Highest smoothed score so far; null until an alert event has said.</param>
/// <param name="StartedAt">When it started; null until an alert event has said.</param>
public sealed record WardEpisodeView(string Id, string Category, double? Peak, DateTimeOffset? StartedAt);
