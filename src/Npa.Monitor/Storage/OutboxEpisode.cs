namespace Npa.Monitor.Storage;

/// <summary>What an alert entry does to its episode: leaves it open (start, update) or closes it (end).</summary>
/// <param name="EpisodeId">The episode's id (unique per bed; the outbox keys it by topic as well).</param>
/// <param name="Open">True while the episode runs after this entry; false on its end.</param>
public sealed record OutboxEpisode(string EpisodeId, bool Open);
