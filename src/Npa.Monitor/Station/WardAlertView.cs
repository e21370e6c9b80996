namespace Npa.Monitor.Station;

/// <summary>One pain-episode event for the ward page's log.</summary>
/// <param name="Time">When the monitor raised it.</param>
/// <param name="Bed">The bed.</param>
/// <param name="Kind"><c>start</c>, <c>update</c> or <c>end</c>.</param>
/// <param name="Category">Band of the episode.</param>
/// <param name="Peak">Highest smoothed score of the episode so far.</param>
/// <param name="Reason">Why it was raised (<c>sustained</c>, <c>periodic</c>, <c>resolved</c>, …).</param>
/// <param name="EpisodeId">The episode.</param>
public sealed record WardAlertView(DateTimeOffset Time, string Bed, string Kind, string Category, double Peak, string? Reason, string EpisodeId);
