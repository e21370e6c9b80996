namespace Npa.Monitor.Storage;

/// <summary>An episode whose last stored alert was not an end: the process stopped before it could end it.</summary>
/// <param name="Topic">The alert topic it was published on.</param>
/// <param name="EpisodeId">The episode's id.</param>
/// <param name="LastPayload">The payload of its last stored alert (start or update).</param>
public sealed record OpenEpisode(string Topic, string EpisodeId, ReadOnlyMemory<byte> LastPayload);
