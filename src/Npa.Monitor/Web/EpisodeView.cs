namespace Npa.Monitor.Web;

/// <summary>A running pain episode as the dashboard shows it.</summary>
public sealed record EpisodeView(string Id, string Category, double Peak, DateTimeOffset StartedAt);
