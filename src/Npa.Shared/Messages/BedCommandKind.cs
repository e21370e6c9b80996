namespace Npa.Shared.Messages;

/// <summary>What a nurse asks of a bed's alarms: the last level of <c>{prefix}/beds/{bed}/set/{command}</c>.</summary>
public enum BedCommandKind
{
    /// <summary><c>ack</c>: the running episode is seen; no more periodic reminders for it.</summary>
    Acknowledge,

    /// <summary><c>silence</c>: no episode starts and no reminders for N minutes.</summary>
    Silence,

    /// <summary><c>hold</c>: care at the bed (kangaroo care, a nappy change) for N minutes; a running episode ends and none starts.</summary>
    Hold,

    /// <summary><c>resume</c>: ends a silence or hold early.</summary>
    Resume,
}
