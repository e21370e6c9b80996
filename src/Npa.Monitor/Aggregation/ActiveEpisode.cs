using Npa.Shared.Nips;

namespace Npa.Monitor.Aggregation;

/// <summary>The pain episode a bed is in now.</summary>
public sealed record ActiveEpisode(string EpisodeId, NipsCategory Category, double Peak, DateTimeOffset StartedAt);
