using Npa.Shared.Messages;

namespace Npa.Monitor.Alarms;

/// <summary>One nurse command as the monitor took it (or refused it): when, which bed, what, who, and the outcome.</summary>
/// <param name="Time">When the monitor received it (its own clock).</param>
/// <param name="BedId">The bed.</param>
/// <param name="Command">ack, silence, hold or resume.</param>
/// <param name="By">Who, as the command says (the broker's ACL decides who may send one).</param>
/// <param name="Minutes">Silence and hold: how long.</param>
/// <param name="Until">Silence and hold: when it ends by itself.</param>
/// <param name="Outcome">What it did, for people (<c>hold until 10:20:00Z</c>, <c>refused: …</c>).</param>
public sealed record AlarmAuditEntry(DateTimeOffset Time, string BedId, BedCommandKind Command, string By, int? Minutes, DateTimeOffset? Until, string Outcome);
