namespace Npa.Monitor.Storage;

/// <summary>One MQTT message waiting in the outbox for its PUBACK.</summary>
/// <param name="Kind">What it carries (decides the overflow policy).</param>
/// <param name="Topic">Full topic, prefix included.</param>
/// <param name="Payload">UTF-8 JSON payload.</param>
/// <param name="QoS">MQTT QoS level (1 for every outbox kind today).</param>
/// <param name="Retain">Retain flag.</param>
public sealed record OutboxMessage(OutboxKind Kind, string Topic, ReadOnlyMemory<byte> Payload, int QoS, bool Retain)
{
    /// <summary>
    /// The <c>seq</c> the payload carries, or 0 for none. The outbox keeps the highest per topic in the entry's own
    /// transaction, so that the next process numbers on from it (<see cref="SqliteOutbox.LastSeqs"/>).
    /// </summary>
    public long Seq { get; init; }

    /// <summary>For an alert, the episode it leaves open or closes, kept with the entry (<see cref="SqliteOutbox.OpenEpisodes"/>).</summary>
    public OutboxEpisode? Episode { get; init; }
}
