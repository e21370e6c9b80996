namespace Npa.Monitor.Storage;

/// <summary>An outbox message with its position in the queue (ids grow in enqueue order).</summary>
public sealed record OutboxEntry(long Id, OutboxMessage Message);
