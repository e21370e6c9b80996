namespace Npa.Shared.Messages;

/// <summary>The per-monitor topics, <c>{prefix}/monitors/{instance}/…</c>.</summary>
public enum MonitorTopicKind
{
    /// <summary><c>available</c>: online / offline (Last Will) / stopped, retained.</summary>
    Available,

    /// <summary><c>stats</c>: <see cref="StatsMessage"/>.</summary>
    Stats,

    /// <summary><c>claim</c>: <see cref="BedClaimMessage"/>, retained.</summary>
    Claim,

    /// <summary><c>conflict</c>: <see cref="BedConflictMessage"/>, retained.</summary>
    Conflict,

    /// <summary><c>model</c>: <see cref="ModelMessage"/>, retained.</summary>
    Model,
}
