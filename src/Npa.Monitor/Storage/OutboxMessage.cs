namespace Npa.Monitor.Storage;

/// <summary>One MQTT message waiting in the outbox for its PUBACK.</summary>
/// <param name="Kind">What it carries (decides the overflow policy).</param>
/// <param name="Topic">Full topic, prefix included.</param>
/// <param name="Payload">UTF-8 JSON payload.</param>
/// <param name="QoS">MQTT QoS level (1 for every outbox kind today).</param>
/// <param name="Retain">Retain flag.</param>
public sealed record OutboxMessage(OutboxKind Kind, string Topic, ReadOnlyMemory<byte> Payload, int QoS, bool Retain);
