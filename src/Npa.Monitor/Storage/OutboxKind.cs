namespace Npa.Monitor.Storage;

/// <summary>What an outbox entry carries; decides which entries may be dropped when the outbox is full.</summary>
public enum OutboxKind
{
    /// <summary>A pain episode event (start/update/end). Never dropped.</summary>
    Alert = 0,

    /// <summary>A retained per-bed state; a later one supersedes it.</summary>
    State = 1,

    /// <summary>A retained camera status; a later one supersedes it.</summary>
    Status = 2,
}
