namespace Npa.Shared.Messages;

/// <summary>The per-bed topics under <c>{prefix}/beds/{bed}/</c>.</summary>
public enum BedTopicKind
{
    /// <summary><c>assessment</c>: one per assessed frame.</summary>
    Assessment,

    /// <summary><c>state</c>: smoothed state, retained.</summary>
    State,

    /// <summary><c>alert</c>: pain episode events.</summary>
    Alert,

    /// <summary><c>status</c>: camera status, retained.</summary>
    Status,
}
